/* Documents being built: free text, boolean terms, values, data. */
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "errors.h"
#include "handles.h"

using nfx::guarded;

Xapian::Stem nfx::make_stem(const char *language) {
  if (!language || !*language || std::strcmp(language, "none") == 0) return Xapian::Stem();
  return Xapian::Stem(language);  // InvalidArgumentError for an unknown language
}

extern "C" {

/* A new document whose free text is stemmed from stem's memo, or when
 * there is none by a stemmer of its own for language. */
static nf_status new_doc(const char *language, nf_xstem *stem, nf_xdoc **out, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  return guarded(err, [&] {
    std::unique_ptr<nf_xdoc> doc(new nf_xdoc);
    doc->tg.set_stemmer(stem ? nfx::remembering_stem(stem) : nfx::make_stem(language));
    doc->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    doc->tg.set_document(doc->doc);  // a handle sharing doc's contents
    *out = doc.release();
    return NF_OK;
  });
}

nf_status nf_xdoc_new(const char *language, nf_xdoc **out, nf_error *err) {
  return new_doc(language, nullptr, out, err);
}

nf_status nf_xdoc_new_stemmed(nf_xstem *stem, nf_xdoc **out, nf_error *err) {
  if (!stem) {
    if (out) *out = nullptr;
    return nf_error_set(err, NF_ERR_INVALID, "no stemmer");
  }
  return new_doc(nullptr, stem, out, err);
}

void nf_xdoc_free(nf_xdoc *doc) { delete doc; }

nf_status nf_xdoc_index_text(nf_xdoc *doc, const char *p, size_t n, const char *prefix,
                             nf_error *err) {
  if (!doc || (!p && n)) return nf_error_set(err, NF_ERR_INVALID, "no document or text");
  return guarded(err, [&] {
    doc->tg.index_text(std::string(p ? p : "", n), 1, prefix ? prefix : "");
    return NF_OK;
  });
}

void nf_xdoc_increase_termpos(nf_xdoc *doc, unsigned delta) {
  if (doc) doc->tg.increase_termpos(delta);
}

nf_status nf_xdoc_add_boolean_term(nf_xdoc *doc, const char *prefix, const char *value, size_t n,
                                   nf_error *err) {
  if (!doc || (!value && n)) return nf_error_set(err, NF_ERR_INVALID, "no document or value");
  return guarded(err, [&] {
    std::string term = nfx::make_term(prefix, value, n);
    if (term.empty()) return nf_error_set(err, NF_ERR_INVALID, "empty boolean term");
    // Xapian would only refuse an over-long term when the document is
    // written, failing the whole document; such a value is useless as a
    // filter anyway, so it is dropped here.
    if (term.size() > NF_XTERM_MAX) return NF_OK;
    doc->doc.add_boolean_term(term);
    return NF_OK;
  });
}

nf_status nf_xdoc_set_value(nf_xdoc *doc, unsigned slot, const char *p, size_t n, nf_error *err) {
  if (!doc || (!p && n)) return nf_error_set(err, NF_ERR_INVALID, "no document or value");
  return guarded(err, [&] {
    doc->doc.add_value(slot, std::string(p ? p : "", n));
    return NF_OK;
  });
}

nf_status nf_xdoc_set_data(nf_xdoc *doc, const char *p, size_t n, nf_error *err) {
  if (!doc || (!p && n)) return nf_error_set(err, NF_ERR_INVALID, "no document or data");
  return guarded(err, [&] {
    doc->doc.set_data(std::string(p ? p : "", n));
    return NF_OK;
  });
}

nf_status nf_xdoc_each_term(const nf_xdoc *doc, nf_xterm_fn fn, void *ctx, nf_error *err) {
  if (!doc || !fn) return nf_error_set(err, NF_ERR_INVALID, "no document or callback");
  return guarded(err, [&] {
    std::vector<unsigned> positions;
    for (auto t = doc->doc.termlist_begin(); t != doc->doc.termlist_end(); ++t) {
      positions.assign(t.positionlist_begin(), t.positionlist_end());
      std::string term = *t;
      nf_status s =
          fn(ctx, term.data(), term.size(), t.get_wdf(), positions.data(), positions.size());
      if (s != NF_OK) return s;
    }
    return NF_OK;
  });
}

nf_status nf_xdoc_each_value(const nf_xdoc *doc, nf_xvalue_fn fn, void *ctx, nf_error *err) {
  if (!doc || !fn) return nf_error_set(err, NF_ERR_INVALID, "no document or callback");
  return guarded(err, [&] {
    for (auto v = doc->doc.values_begin(); v != doc->doc.values_end(); ++v) {
      std::string value = *v;
      nf_status s = fn(ctx, v.get_valueno(), value.data(), value.size());
      if (s != NF_OK) return s;
    }
    return NF_OK;
  });
}

nf_status nf_xdoc_get_data(const nf_xdoc *doc, char **out, size_t *out_len, nf_error *err) {
  if (!out) return nf_error_set(err, NF_ERR_INVALID, "no output handle");
  *out = nullptr;
  if (!doc) return nf_error_set(err, NF_ERR_INVALID, "no document");
  return guarded(err, [&] {
    std::string data = doc->doc.get_data();
    *out = nfx::dup_string(data);
    if (out_len) *out_len = data.size();
    return NF_OK;
  });
}

nf_status nf_xdoc_copy_into(const nf_xdoc *doc, void *xapian_document, nf_error *err) {
  if (!doc || !xapian_document)
    return nf_error_set(err, NF_ERR_INVALID, "no document to copy from or into");
  auto &to = *static_cast<Xapian::Document *>(xapian_document);
  return guarded(err, [&] {
    for (auto t = doc->doc.termlist_begin(); t != doc->doc.termlist_end(); ++t) {
      std::string term = *t;
      // positions without wdf, then the wdf itself: the same counts as ours
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
        to.add_posting(term, *p, 0);
      to.add_term(term, t.get_wdf());
    }
    for (auto v = doc->doc.values_begin(); v != doc->doc.values_end(); ++v)
      to.add_value(v.get_valueno(), *v);
    to.set_data(doc->doc.get_data());
    return NF_OK;
  });
}

char *nf_xterm_make(const char *prefix, const char *value, size_t n, size_t *out_len) {
  if (out_len) *out_len = 0;
  if (!value && n) return nullptr;
  try {
    std::string term = nfx::make_term(prefix, value, n);
    char *s = nfx::dup_string(term);
    if (out_len) *out_len = term.size();
    return s;
  } catch (...) {
    return nullptr;
  }
}

}  // extern "C"
