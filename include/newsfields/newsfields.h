/* newsfields — news field extraction and faceted search for Xapian.
 * The whole public API; each header covers one concern. */
#ifndef NEWSFIELDS_NEWSFIELDS_H
#define NEWSFIELDS_NEWSFIELDS_H

#include "newsfields/analyzer.h"
#include "newsfields/article.h"
#include "newsfields/date.h"
#include "newsfields/fieldkind.h"
#include "newsfields/index.h"
#include "newsfields/input.h"
#include "newsfields/record.h"
#include "newsfields/registry.h"
#include "newsfields/schema.h"
#include "newsfields/search.h"
#include "newsfields/status.h"
#include "newsfields/version.h"
#include "newsfields/xapian.h"

#endif
