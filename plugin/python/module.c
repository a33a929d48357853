/* newsfields._newsfields: the CPython extension under the newsfields Python
 * package (__init__.py adds the query parser's processors in Python).  A
 * front end: the public API only (newsfields/xapian.h).
 *
 * One nf_embed per process, opened by load() or on first use with the
 * installed schema; Python's GIL keeps it to one thread at a time. */
#define _GNU_SOURCE /* dladdr */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "newsfields/newsfields.h"

static nf_embed *embed;

static PyObject *raise(nf_status s, const nf_error *err) {
  char buf[NF_ERROR_WHERE_MAX + NF_ERROR_MESSAGE_MAX + 4];
  const char *text = nf_error_format(err, buf, sizeof buf);
  PyObject *type = s == NF_ERR_QUERY || s == NF_ERR_PARSE || s == NF_ERR_INVALID ? PyExc_ValueError
                   : s == NF_ERR_NOT_FOUND || s == NF_ERR_IO                     ? PyExc_OSError
                   : s == NF_ERR_NOMEM                                           ? PyExc_MemoryError
                                       : PyExc_RuntimeError;
  PyErr_SetString(type, text && *text ? text : nf_strerror(s));
  return NULL;
}

/* The embed, opened with the installed schema when load() was not called. */
static nf_embed *the_embed(void) {
  if (embed) return embed;
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_embed_open(NULL, NULL, 0, &embed, &err);
  if (s != NF_OK) raise(s, &err);
  return embed;
}

static PyObject *py_load(PyObject *self, PyObject *args, PyObject *kw) {
  (void)self;
  static char *names[] = {"schema", "plugins", NULL};
  const char *schema = NULL;
  PyObject *plugins = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "|zO", names, &schema, &plugins)) return NULL;
  PyObject *seq = plugins && plugins != Py_None
                      ? PySequence_Fast(plugins, "plugins must be a list of paths")
                      : PyTuple_New(0);
  if (!seq) return NULL;
  Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  const char **paths = calloc((size_t)n + 1, sizeof *paths);
  if (!paths) {
    Py_DECREF(seq);
    return PyErr_NoMemory();
  }
  for (Py_ssize_t i = 0; i < n; i++) {
    paths[i] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, i));
    if (!paths[i]) {
      free(paths);
      Py_DECREF(seq);
      return NULL;
    }
  }
  nf_embed *e = NULL;
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_embed_open(schema, paths, (size_t)n, &e, &err);
  free(paths);
  Py_DECREF(seq);
  if (s != NF_OK) return raise(s, &err);
  /* the query parsers given the old one's processors keep using them */
  embed = e;
  Py_INCREF(Py_None);
  return Py_None;
}

/* An article from a dict: id and text required. */
static int str_of(PyObject *dict, const char *key, nf_str *out) {
  PyObject *v = PyDict_GetItemString(dict, key);
  if (!v || v == Py_None) return 0;
  Py_ssize_t n;
  const char *p = PyUnicode_AsUTF8AndSize(v, &n);
  if (!p) return -1;
  out->p = p;
  out->n = (size_t)n;
  return 0;
}

static int article_from(PyObject *dict, nf_article *a) {
  memset(a, 0, sizeof *a);
  if (!PyDict_Check(dict)) {
    PyErr_SetString(PyExc_TypeError, "an article is a dict (id, text, headline, date, ...)");
    return -1;
  }
  if (str_of(dict, "id", &a->id) || str_of(dict, "text", &a->text) ||
      str_of(dict, "headline", &a->headline) || str_of(dict, "date", &a->date) ||
      str_of(dict, "url", &a->url) || str_of(dict, "author", &a->author) ||
      str_of(dict, "source", &a->source))
    return -1;
  a->origin = "python";
  return 0;
}

static nf_document *analyse(PyObject *dict) {
  nf_embed *e = the_embed();
  if (!e) return NULL;
  nf_article a;
  if (article_from(dict, &a)) return NULL;
  nf_document *d = NULL;
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_embed_analyse(e, &a, &d, &err);
  if (s != NF_OK) raise(s, &err);
  return d;
}

/* extract(text, **meta) -> the record as a dict. */
static PyObject *py_extract(PyObject *self, PyObject *args, PyObject *kw) {
  (void)self;
  PyObject *text;
  if (!PyArg_ParseTuple(args, "U", &text)) return NULL;
  PyObject *dict = kw ? PyDict_Copy(kw) : PyDict_New();
  if (!dict) return NULL;
  int bad = PyDict_SetItemString(dict, "text", text);
  if (!bad && !PyDict_GetItemString(dict, "id")) { /* an id is required; one text needs none */
    PyObject *id = PyUnicode_FromString("extract");
    bad = id ? PyDict_SetItemString(dict, "id", id) : -1;
    Py_XDECREF(id);
  }
  if (bad) {
    Py_DECREF(dict);
    return NULL;
  }
  nf_document *d = analyse(dict);
  Py_DECREF(dict);
  if (!d) return NULL;
  size_t n;
  const char *data = nf_document_data(d, &n);
  const char *eol = memchr(data, '\n', n); /* the record is the first line */
  if (eol) n = (size_t)(eol - data);
  PyObject *json = PyImport_ImportModule("json");
  PyObject *out = json ? PyObject_CallMethod(json, "loads", "s#", data, (Py_ssize_t)n) : NULL;
  Py_XDECREF(json);
  nf_document_free(d);
  return out;
}

static nf_status add_term(void *ctx, const char *term, size_t n, unsigned wdf,
                          const unsigned *positions, size_t npositions) {
  PyObject *doc = ctx;
  for (size_t i = 0; i < npositions; i++) {
    PyObject *r =
        PyObject_CallMethod(doc, "add_posting", "s#II", term, (Py_ssize_t)n, positions[i], 0u);
    if (!r) return NF_ERR_INTERNAL;
    Py_DECREF(r);
  }
  PyObject *r = PyObject_CallMethod(doc, "add_term", "s#I", term, (Py_ssize_t)n, wdf);
  if (!r) return NF_ERR_INTERNAL;
  Py_DECREF(r);
  return NF_OK;
}

static nf_status add_value(void *ctx, unsigned slot, const char *value, size_t n) {
  PyObject *r = PyObject_CallMethod(ctx, "add_value", "Iy#", slot, value, (Py_ssize_t)n);
  if (!r) return NF_ERR_INTERNAL;
  Py_DECREF(r);
  return NF_OK;
}

/* index_document(doc, article) -> the unique term, for replace_document. */
static PyObject *py_index_document(PyObject *self, PyObject *args) {
  (void)self;
  PyObject *doc, *article;
  if (!PyArg_ParseTuple(args, "OO", &doc, &article)) return NULL;
  nf_document *d = analyse(article);
  if (!d) return NULL;
  nf_error err;
  nf_error_clear(&err);
  PyObject *out = NULL;
  nf_status s = nf_document_terms(d, add_term, doc, &err);
  if (s == NF_OK) s = nf_document_values(d, add_value, doc, &err);
  if (s == NF_OK) {
    size_t n;
    const char *data = nf_document_data(d, &n);
    PyObject *r = PyObject_CallMethod(doc, "set_data", "y#", data, (Py_ssize_t)n);
    Py_XDECREF(r);
    const char *uid = nf_document_unique_term(d, &n);
    if (r) out = PyUnicode_FromStringAndSize(uid, (Py_ssize_t)n);
  } else if (!PyErr_Occurred()) {
    raise(s, &err);
  }
  nf_document_free(d);
  return out;
}

/* query_term(field, value) -> the term field:value looks up. */
static PyObject *py_query_term(PyObject *self, PyObject *args) {
  (void)self;
  const char *field, *value;
  Py_ssize_t n;
  if (!PyArg_ParseTuple(args, "ss#", &field, &value, &n)) return NULL;
  nf_embed *e = the_embed();
  if (!e) return NULL;
  char *term = NULL;
  size_t len = 0;
  nf_error err;
  nf_error_clear(&err);
  nf_status s = nf_embed_query_term(e, field, value, (size_t)n, &term, &len, &err);
  if (s != NF_OK) return raise(s, &err);
  PyObject *out = PyUnicode_FromStringAndSize(term, (Py_ssize_t)len);
  free(term);
  return out;
}

/* fields() -> [(name, mode, prefix, slot)], mode "terms", "text", "date" or
 * "id"; slot None when the field has none. */
static PyObject *py_fields(PyObject *self, PyObject *unused) {
  (void)self;
  (void)unused;
  nf_embed *e = the_embed();
  if (!e) return NULL;
  const nf_schema *schema = nf_embed_schema(e);
  PyObject *list = PyList_New(0);
  for (size_t i = 0; list && i < nf_schema_field_count(schema); i++) {
    const nf_field *f = nf_schema_field(schema, i);
    static const char *const modes[] = {"terms", "text", "date", "id"};
    PyObject *slot = f->slot == NF_NO_SLOT ? Py_NewRef(Py_None) : PyLong_FromUnsignedLong(f->slot);
    PyObject *t = slot ? Py_BuildValue("(sssN)", f->name, modes[f->kind->mode],
                                       f->prefix ? f->prefix : "", slot)
                       : NULL;
    if (!t || PyList_Append(list, t)) Py_CLEAR(list);
    Py_XDECREF(t);
  }
  return list;
}

static PyMethodDef methods[] = {
    {"load", (PyCFunction)(void (*)(void))py_load, METH_VARARGS | METH_KEYWORDS,
     "load(schema=None, plugins=()): the schema and plug-ins to use"},
    {"extract", (PyCFunction)(void (*)(void))py_extract, METH_VARARGS | METH_KEYWORDS,
     "extract(text, **meta) -> dict: the fields of one article"},
    {"index_document", py_index_document, METH_VARARGS,
     "index_document(doc, article) -> unique term: fill a xapian.Document"},
    {"query_term", py_query_term, METH_VARARGS,
     "query_term(field, value) -> the term field:value looks up"},
    {"fields", py_fields, METH_NOARGS, "fields() -> [(name, mode, prefix, slot)]"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT,
                                    "newsfields._newsfields",
                                    "newsfields' analyzers for python3-xapian programs",
                                    -1,
                                    methods,
                                    NULL,
                                    NULL,
                                    NULL,
                                    NULL};

PyMODINIT_FUNC PyInit__newsfields(void) {
  /* Python loads extensions RTLD_LOCAL: make the library's nf_ API global
   * so that the plug-ins load() names resolve it, as in the command. */
  Dl_info info;
  if (dladdr((void *)nf_embed_open, &info) && info.dli_fname)
    dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
  return PyModule_Create(&module);
}
