import sys as _sys
alpha = "a"
beta = "b"
_hidden = "h"
