/* The worked example of docs/c-api.md (a test checks that the page shows this file verbatim,
   and tests/c/run.cmake compiles it as C99 against the installed package and runs it). */
#include <excellence/excellence.h>
#include <stdio.h>

static int report(int rc) {
  const exc_error *e = exc_last_error();
  if (rc < 0) fprintf(stderr, "%s (%s)\n", e->message, e->code_name);
  return rc;
}

int main(void) {
  exc_framework *tree = NULL;
  exc_assessment *wang = NULL;
  exc_score *score = NULL;
  exc_score_totals totals;
  exc_score_options options = EXC_SCORE_OPTIONS_INIT;

  if (report(exc_framework_builtin(&tree, "gbt19580-2012")) < 0) return 1;
  if (report(exc_assessment_read(&wang, "examples/data/examiner-wang.json")) < 0) return 1;
  options.scope = "4.3";
  if (report(exc_score_assessment(&score, wang, tree, &options)) == 0 &&
      exc_score_get_totals(&totals, score) == 0)
    printf("%.2f / %.0f\n", totals.total, totals.max); /* 42.50 / 90 */

  /* acme.json scores an item at 37 %: the error names the file and the field. */
  exc_assessment *acme = NULL;
  if (exc_assessment_read(&acme, "tests/data/errors/acme.json") == EXC_ENOT_MULTIPLE_OF_5)
    printf("%s: %s\n", exc_last_error()->path, exc_last_error()->detail);
    /* items[3].percent: 37 is not a multiple of 5 */

  exc_assessment_free(acme);
  exc_score_free(score);
  exc_assessment_free(wang);
  exc_framework_free(tree);
  return 0;
}
