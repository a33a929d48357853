/* newsfields — symbol visibility for the public API. */
#ifndef NEWSFIELDS_EXPORT_H
#define NEWSFIELDS_EXPORT_H

/* The library is built with -fvisibility=hidden; only names marked NF_API
 * are exported (and the linker version script keeps them to nf_*). */
#if defined(NF_BUILDING_LIBRARY)
#define NF_API __attribute__((visibility("default")))
#else
#define NF_API
#endif

#if defined(__GNUC__)
#define NF_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define NF_PRINTF(fmt_index, first_arg)
#endif

#endif
