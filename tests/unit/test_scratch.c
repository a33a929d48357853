/* The working arrays an analyzer keeps from one article to the next
 * (analysis/scratch.h): each key has slots of its own, the same ones on
 * every call, and what a slot holds outlives the calls. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "analysis/scratch.h"
#include "newsfields/analyzer.h"
#include "testutil.h"

static const char key_a, key_b;

START_TEST(each_key_has_slots_of_its_own) {
  nf_analysis *an;
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  nf_scratch *a = nf_analysis_scratch(an, &key_a, 3);
  nf_scratch *b = nf_analysis_scratch(an, &key_b, 2);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_ne(a, b);
  for (int i = 0; i < 3; i++) {
    ck_assert_ptr_null(a[i].p); /* empty on first use */
    ck_assert_uint_eq(a[i].cap, 0);
  }
  /* what slot 1 of key_a holds is there on the next call, untouched by key_b's */
  uint32_t *v;
  ck_assert_ptr_nonnull(NF_SCRATCH_ROOM(&a[1], 100, v));
  for (uint32_t i = 0; i < 100; i++) v[i] = i * 7;
  uint32_t *w;
  ck_assert_ptr_nonnull(NF_SCRATCH_ROOM(&b[1], 50, w));
  for (uint32_t i = 0; i < 50; i++) w[i] = 1;
  nf_scratch *again = nf_analysis_scratch(an, &key_a, 3);
  ck_assert_ptr_eq(again, a);
  ck_assert_ptr_eq(again[1].p, v);
  ck_assert_uint_ge(again[1].cap, 100);
  ck_assert_uint_eq(((uint32_t *)again[1].p)[99], 99 * 7);
  /* room for fewer keeps the array; for more grows it */
  uint32_t *same;
  ck_assert_ptr_eq(NF_SCRATCH_ROOM(&again[1], 10, same), v);
  uint32_t *more;
  ck_assert_ptr_nonnull(NF_SCRATCH_ROOM(&again[1], 100000, more));
  ck_assert_uint_ge(again[1].cap, 100000);
  nf_analysis_free(an); /* frees every slot's array (ASan checks) */
}
END_TEST

START_TEST(a_growing_array_is_lent_and_kept) {
  nf_analysis *an;
  ck_assert_int_eq(nf_analysis_new(&an), NF_OK);
  nf_scratch *s = nf_analysis_scratch(an, &key_a, 1);
  ck_assert_ptr_nonnull(s);
  int *arr;
  size_t cap;
  NF_SCRATCH_LEND(s, arr, cap);
  ck_assert_ptr_null(arr);
  ck_assert_uint_eq(cap, 0);
  arr = malloc(16 * sizeof *arr);
  ck_assert_ptr_nonnull(arr);
  cap = 16;
  NF_SCRATCH_KEEP(s, arr, cap);
  int *next;
  size_t next_cap;
  NF_SCRATCH_LEND(nf_analysis_scratch(an, &key_a, 1), next, next_cap);
  ck_assert_ptr_eq(next, arr);
  ck_assert_uint_eq(next_cap, 16);
  nf_analysis_free(an);
}
END_TEST

int main(void) {
  Suite *s = suite_create("scratch");
  TCase *t = tcase_create("slots");
  tcase_add_test(t, each_key_has_slots_of_its_own);
  tcase_add_test(t, a_growing_array_is_lent_and_kept);
  suite_add_tcase(s, t);
  return nf_test_main(s);
}
