/* excellence.h compiles as C99 with -Wall -Wextra -pedantic -Werror, twice (include guard). */
#include <excellence/excellence.h>
#include <excellence/excellence.h>

/* The options' INIT macros are valid initialisers. */
static const exc_score_options score_options = EXC_SCORE_OPTIONS_INIT;
static const exc_pls_options pls_options = EXC_PLS_OPTIONS_INIT;
static const exc_clv_fit_options clv_options = EXC_CLV_FIT_OPTIONS_INIT;
static const exc_buf buf = EXC_BUF_INIT;

unsigned int excellence_c_header_check(void);
unsigned int excellence_c_header_check(void) {
  return score_options.version + pls_options.version + clv_options.version + (buf.ptr == 0 ? 0u : 1u);
}
