"""Mathematical functions for complex numbers (CPython 3.11's cmath), written over math.

Covers the constants (pi, e, tau, inf, infj, nan, nanj), phase/polar/rect, exp, log (with a
base), log10, sqrt, the trigonometric and hyperbolic functions and their inverses,
isfinite/isinf/isnan and isclose. Finite arguments use the numerically careful formulas of
Kahan's "Branch Cuts for Complex Elementary Functions" (scaling near overflow and underflow,
log1p near |z| = 1); infinite and nan components follow C99 Annex G, with CPython's errors
(ValueError for a domain error, OverflowError for a finite argument whose result overflows).
Branch cuts are continuous from the side the sign of the zero imaginary (or real) part
names, as CPython documents.

Knowingly different: the functions are positional-only Python functions, so a wrong argument
count or a keyword gets Python's wording ("sqrt() takes 1 positional argument but 2 were
given") rather than CPython's ("cmath.sqrt() takes exactly one argument (2 given)").
"""

import math as _math

pi = _math.pi
e = _math.e
tau = _math.tau
inf = _math.inf
nan = _math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046
_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_LARGE = _DBL_MAX / 4.0  # beyond this, |z| +- 1 is |z| and squaring overflows
_SQRT_LARGE = _math.sqrt(_LARGE)
_SQRT_DBL_MIN = _math.sqrt(_DBL_MIN)
_LOG_LARGE = _math.log(_LARGE)  # past this exp(x) may overflow; exp(x - 1) does not
_SCALE_UP = 53
_SCALE_DOWN = -27


def _domain():
    return ValueError("math domain error")


def _range():
    return OverflowError("math range error")


def _float(value):
    """The float CPython's "real number" conversion makes of value."""
    cls = type(value)
    if cls is float:
        return value
    if isinstance(value, float):
        # A float subclass is its value: its own __float__ is not consulted.
        return float.__float__(value)
    if cls is int:
        return float(value)
    method = getattr(cls, "__float__", None)
    if method is not None:
        result = method(value)
        if not isinstance(result, float):
            raise TypeError(
                "%s.__float__ returned non-float (type %s)"
                % (cls.__name__, type(result).__name__)
            )
        return float(result)
    method = getattr(cls, "__index__", None)
    if method is not None:
        result = method(value)
        if not isinstance(result, int):
            raise TypeError(
                "__index__ returned non-int (type %s)" % type(result).__name__
            )
        return float(result)
    raise TypeError("must be real number, not %s" % cls.__name__)


def _parts(value):
    """(real, imag) of an argument: a complex, an object with __complex__, or a real."""
    cls = type(value)
    if cls is complex:
        return value.real, value.imag
    if isinstance(value, complex):
        # A complex subclass is its value, whatever its __complex__ says.
        value = complex.__complex__(value)
        return value.real, value.imag
    method = getattr(cls, "__complex__", None)
    if method is not None:
        result = method(value)
        if not isinstance(result, complex):
            raise TypeError(
                "__complex__ returned non-complex (type %s)" % type(result).__name__
            )
        return result.real, result.imag
    return _float(value), 0.0


def _finite(x, y):
    return _math.isfinite(x) and _math.isfinite(y)


# -- classification ------------------------------------------------------------


def isfinite(z, /):
    """Return True if both the real and imaginary parts of z are finite, else False."""
    x, y = _parts(z)
    return _math.isfinite(x) and _math.isfinite(y)


def isinf(z, /):
    """Checks if the real or imaginary part of z is infinite."""
    x, y = _parts(z)
    return _math.isinf(x) or _math.isinf(y)


def isnan(z, /):
    """Checks if the real or imaginary part of z not a number (NaN)."""
    x, y = _parts(z)
    return _math.isnan(x) or _math.isnan(y)


def isclose(a, b, /, *, rel_tol=1e-09, abs_tol=0.0):
    """Determine whether two complex numbers are close in value."""
    ax, ay = _parts(a)
    bx, by = _parts(b)
    rel_tol = _float(rel_tol)
    abs_tol = _float(abs_tol)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if ax == bx and ay == by:
        return True
    if _math.isinf(ax) or _math.isinf(ay) or _math.isinf(bx) or _math.isinf(by):
        return False
    diff = _abs(bx - ax, by - ay)
    return (
        diff <= rel_tol * _abs(bx, by)
        or diff <= rel_tol * _abs(ax, ay)
        or diff <= abs_tol
    )


def _abs(x, y):
    """|x + yj| as complex.__abs__ computes it (inf wins over nan)."""
    if _math.isinf(x) or _math.isinf(y):
        return inf
    if _math.isnan(x) or _math.isnan(y):
        return nan
    return _math.hypot(x, y)


# -- polar coordinates ---------------------------------------------------------


def phase(z, /):
    """Return argument, also known as the phase angle, of a complex."""
    x, y = _parts(z)
    angle = _math.atan2(y, x)
    if angle == 0.0 and y != 0.0 and _math.isfinite(x):
        # The C library reports atan2's underflow (y tiny against x) as a range error.
        raise _range()
    return angle


def polar(z, /):
    """Convert a complex from rectangular coordinates to polar coordinates.

    r is the distance from 0 and phi the phase angle.
    """
    x, y = _parts(z)
    r = _abs(x, y)
    if _math.isinf(r) and _finite(x, y):
        raise _range()
    return r, _math.atan2(y, x)


def rect(r, phi, /):
    """Convert from polar coordinates to rectangular coordinates."""
    r = _float(r)
    phi = _float(phi)
    if _math.isfinite(r) and _math.isfinite(phi):
        if phi == 0.0:
            # r * cos(0) is r exactly; keep the sign of the zero angle.
            return complex(r, r * phi)
        return complex(r * _math.cos(phi), r * _math.sin(phi))
    if _math.isinf(r) and _math.isfinite(phi) and phi != 0.0:
        sign = 1.0 if r > 0 else -1.0
        return complex(
            sign * _math.copysign(inf, _math.cos(phi)),
            sign * _math.copysign(inf, _math.sin(phi)),
        )
    if _math.isnan(r):
        if phi == 0.0:
            return complex(nan, 0.0)
        return complex(nan, nan)
    if _math.isinf(r):
        # phi is zero, infinite or nan.
        if phi == 0.0:
            return complex(r, phi if r > 0 else -phi)
        if _math.isinf(phi):
            raise _domain()
        return complex(inf, nan)
    # r finite, phi infinite or nan.
    if r == 0.0:
        return complex(0.0, 0.0)
    if _math.isinf(phi):
        raise _domain()
    return complex(nan, nan)


# -- exponential and logarithms ------------------------------------------------


def _exp(x, y):
    if not _finite(x, y):
        if _math.isinf(x) and _math.isfinite(y) and y != 0.0:
            if x > 0:
                return _math.copysign(inf, _math.cos(y)), _math.copysign(inf, _math.sin(y))
            return _math.copysign(0.0, _math.cos(y)), _math.copysign(0.0, _math.sin(y))
        if _math.isnan(x):
            return nan, (y if y == 0.0 else nan)
        if _math.isinf(x):
            if x > 0:
                if y == 0.0:
                    return inf, y
                if _math.isinf(y):
                    raise _domain()
                return inf, nan
            return 0.0, (y if y == 0.0 else 0.0)
        # x finite, y infinite or nan.
        if _math.isinf(y):
            raise _domain()
        return nan, nan
    if x > _LOG_LARGE:
        scale = _math.exp(x - 1.0)
        real = _math.cos(y) * scale * e
        imag = _math.sin(y) * scale * e
    else:
        scale = _math.exp(x)
        real = _math.cos(y) * scale
        imag = _math.sin(y) * scale
    if _math.isinf(real) or _math.isinf(imag):
        raise _range()
    return real, imag


def exp(z, /):
    """Return the exponential value e**z."""
    return complex(*_exp(*_parts(z)))


def _log(x, y):
    real, imag, zero = _log_parts(x, y)
    if zero:
        raise _domain()
    return real, imag


def _log_parts(x, y):
    """(real, imag, whether z is zero) of log(z); log(0) is -inf + phase(z)j."""
    if not _finite(x, y):
        if _math.isnan(x) or _math.isnan(y):
            if _math.isinf(x) or _math.isinf(y):
                return inf, nan, False
            return nan, nan, False
        return inf, _math.atan2(y, x), False
    ax = abs(x)
    ay = abs(y)
    if ax > _LARGE or ay > _LARGE:
        real = _math.log(_math.hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            # Scale subnormals up so hypot keeps their precision.
            real = (
                _math.log(_math.hypot(_math.ldexp(ax, _SCALE_UP), _math.ldexp(ay, _SCALE_UP)))
                - _SCALE_UP * _LN2
            )
        else:
            return -inf, _math.atan2(y, x), True
    else:
        h = _math.hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            # Near |z| = 1 log(h) loses everything; use log1p(|z|**2 - 1) / 2.
            big = max(ax, ay)
            small = min(ax, ay)
            real = _log1p((big - 1.0) * (big + 1.0) + small * small) / 2.0
        else:
            real = _math.log(h)
    return real, _math.atan2(y, x), False


def _log1p(x):
    return x if x == 0.0 else _math.log1p(x)


def _quotient(a, b):
    """a / b for (real, imag) pairs, raising ValueError for a zero divisor."""
    ax, ay = a
    bx, by = b
    abs_bx = abs(bx)
    abs_by = abs(by)
    if abs_bx >= abs_by:
        if abs_bx == 0.0:
            raise _domain()
        ratio = by / bx
        denominator = bx + by * ratio
        return (ax + ay * ratio) / denominator, (ay - ax * ratio) / denominator
    if abs_by >= abs_bx:
        ratio = bx / by
        denominator = bx * ratio + by
        return (ax * ratio + ay) / denominator, (ay * ratio - ax) / denominator
    return nan, nan


_NO_BASE = object()


def log(x, base=_NO_BASE, /):
    """log(z[, base]) -> the logarithm of z to the given base.

    If the base not specified, returns the natural logarithm (base e) of z.
    """
    if base is _NO_BASE:
        return complex(*_log(*_parts(x)))
    # As in CPython, only the base's log(0) is an error: log(0, b) is -inf / log(b).
    real, imag, _ = _log_parts(*_parts(x))
    return complex(*_quotient((real, imag), _log(*_parts(base))))


def log10(z, /):
    """Return the base-10 logarithm of z."""
    real, imag = _log(*_parts(z))
    return complex(real / _LN10, imag / _LN10)


def _sqrt(x, y):
    if not _finite(x, y):
        if _math.isinf(y):
            return inf, y
        if _math.isnan(x):
            return nan, nan
        if _math.isinf(x):
            if x > 0:
                if _math.isnan(y):
                    return inf, nan
                return inf, _math.copysign(0.0, y)
            if _math.isnan(y):
                return nan, inf
            return 0.0, _math.copysign(inf, y)
        return nan, nan
    if x == 0.0 and y == 0.0:
        return 0.0, y
    ax = abs(x)
    ay = abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = _math.ldexp(ax, _SCALE_UP)
        s = _math.ldexp(
            _math.sqrt(ax + _math.hypot(ax, _math.ldexp(ay, _SCALE_UP))), _SCALE_DOWN
        )
    else:
        ax /= 8.0
        s = 2.0 * _math.sqrt(ax + _math.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return s, _math.copysign(d, y)
    return d, _math.copysign(s, y)


def sqrt(z, /):
    """Return the square root of z."""
    return complex(*_sqrt(*_parts(z)))


# -- hyperbolic functions ------------------------------------------------------


def _cosh(x, y):
    if not _finite(x, y):
        if _math.isinf(x) and _math.isfinite(y) and y != 0.0:
            real = _math.copysign(inf, _math.cos(y))
            imag = _math.copysign(inf, _math.sin(y))
            if x < 0:
                imag = -imag
            return real, imag
        if _math.isinf(x):
            if y == 0.0:
                return inf, _sign_zero(x, y)
            if _math.isinf(y):
                raise _domain()
            return inf, nan
        if _math.isnan(x):
            if y == 0.0:
                return nan, 0.0
            return nan, nan
        # x finite, y infinite or nan.
        if _math.isinf(y):
            raise _domain()
        return nan, (0.0 if x == 0.0 else nan)
    if abs(x) > _LOG_LARGE:
        shifted = x - _math.copysign(1.0, x)
        real = _math.cos(y) * _math.cosh(shifted) * e
        imag = _math.sin(y) * _math.sinh(shifted) * e
    else:
        real = _math.cos(y) * _math.cosh(x)
        imag = _math.sin(y) * _math.sinh(x)
    if _math.isinf(real) or _math.isinf(imag):
        raise _range()
    return real, imag


def _sign_zero(x, y):
    """The zero imaginary part of cosh(+-inf +- 0j): the product of the signs."""
    negative = (_math.copysign(1.0, x) < 0) != (_math.copysign(1.0, y) < 0)
    return -0.0 if negative else 0.0


def _sinh(x, y):
    if not _finite(x, y):
        if _math.isinf(x) and _math.isfinite(y) and y != 0.0:
            real = _math.copysign(inf, _math.cos(y))
            imag = _math.copysign(inf, _math.sin(y))
            if x < 0:
                real = -real
            return real, imag
        if _math.isinf(x):
            if y == 0.0:
                return x, y
            if _math.isinf(y):
                raise _domain()
            return inf, nan
        if _math.isnan(x):
            if y == 0.0:
                return nan, y
            return nan, nan
        # x finite, y infinite or nan.
        if _math.isinf(y):
            raise _domain()
        if x == 0.0:
            return 0.0, nan
        return nan, nan
    if abs(x) > _LOG_LARGE:
        shifted = x - _math.copysign(1.0, x)
        real = _math.cos(y) * _math.sinh(shifted) * e
        imag = _math.sin(y) * _math.cosh(shifted) * e
    else:
        real = _math.cos(y) * _math.sinh(x)
        imag = _math.sin(y) * _math.cosh(x)
    if _math.isinf(real) or _math.isinf(imag):
        raise _range()
    return real, imag


def _tanh(x, y):
    if not _finite(x, y):
        if _math.isinf(x) and _math.isfinite(y) and y != 0.0:
            return _math.copysign(1.0, x), _math.copysign(0.0, 2.0 * _math.sin(y) * _math.cos(y))
        if _math.isinf(x):
            return _math.copysign(1.0, x), (y if y == 0.0 else 0.0)
        if _math.isnan(x):
            if y == 0.0:
                return nan, y
            return nan, nan
        # x finite, y infinite or nan.
        if _math.isinf(y):
            raise _domain()
        return nan, nan
    if abs(x) > _LOG_LARGE:
        real = _math.copysign(1.0, x)
        imag = 4.0 * _math.sin(y) * _math.cos(y) * _math.exp(-2.0 * abs(x))
        return real, imag
    tx = _math.tanh(x)
    ty = _math.tan(y)
    cx = 1.0 / _math.cosh(x)
    txty = tx * ty
    denominator = 1.0 + txty * txty
    return tx * (1.0 + ty * ty) / denominator, ((ty / denominator) * cx) * cx


def cosh(z, /):
    """Return the hyperbolic cosine of z."""
    return complex(*_cosh(*_parts(z)))


def sinh(z, /):
    """Return the hyperbolic sine of z."""
    return complex(*_sinh(*_parts(z)))


def tanh(z, /):
    """Return the hyperbolic tangent of z."""
    return complex(*_tanh(*_parts(z)))


# -- trigonometric functions: f(z) through the hyperbolic one at iz ------------


def cos(z, /):
    """Return the cosine of z."""
    x, y = _parts(z)
    return complex(*_cosh(-y, x))


def sin(z, /):
    """Return the sine of z."""
    x, y = _parts(z)
    real, imag = _sinh(-y, x)
    return complex(imag, -real)


def tan(z, /):
    """Return the tangent of z."""
    x, y = _parts(z)
    real, imag = _tanh(-y, x)
    return complex(imag, -real)


# -- inverse functions ---------------------------------------------------------


def _asinh(x, y):
    if not _finite(x, y):
        if _math.isinf(x):
            if _math.isnan(y):
                return x, nan
            if _math.isinf(y):
                return x, _math.copysign(pi / 4.0, y)
            return x, _math.copysign(0.0, y)
        if _math.isinf(y):
            if _math.isnan(x):
                return inf, nan
            return _math.copysign(inf, x), _math.copysign(pi / 2.0, y)
        # a nan component, the other finite.
        if _math.isnan(x):
            if y == 0.0:
                return nan, y
            return nan, nan
        return nan, nan
    if abs(x) > _LARGE or abs(y) > _LARGE:
        big = _math.log(_math.hypot(x / 2.0, y / 2.0)) + 2.0 * _LN2
        if y >= 0.0:
            real = _math.copysign(big, x)
        else:
            real = -_math.copysign(big, -x)
        return real, _math.atan2(y, abs(x))
    s1 = _sqrt(1.0 + y, -x)
    s2 = _sqrt(1.0 - y, x)
    real = _math.asinh(s1[0] * s2[1] - s2[0] * s1[1])
    imag = _math.atan2(y, s1[0] * s2[0] - s1[1] * s2[1])
    return real, imag


def _acos(x, y):
    if not _finite(x, y):
        if _math.isinf(x):
            if _math.isnan(y):
                return nan, inf
            if _math.isinf(y):
                real = pi / 4.0 if x > 0 else 3.0 * pi / 4.0
                return real, -y
            return (0.0 if x > 0 else pi), -_math.copysign(inf, y)
        if _math.isinf(y):
            return (nan if _math.isnan(x) else pi / 2.0), -y
        if _math.isnan(y) and x == 0.0:
            return pi / 2.0, nan
        return nan, nan
    if abs(x) > _LARGE or abs(y) > _LARGE:
        real = _math.atan2(abs(y), x)
        big = _math.log(_math.hypot(x / 2.0, y / 2.0)) + 2.0 * _LN2
        if x < 0.0:
            imag = -_math.copysign(big, y)
        else:
            imag = _math.copysign(big, -y)
        return real, imag
    s1 = _sqrt(1.0 - x, -y)
    s2 = _sqrt(1.0 + x, y)
    real = 2.0 * _math.atan2(s1[0], s2[0])
    imag = _math.asinh(s2[0] * s1[1] - s2[1] * s1[0])
    return real, imag


def _acosh(x, y):
    if not _finite(x, y):
        if _math.isinf(x):
            if _math.isnan(y):
                return inf, nan
            if _math.isinf(y):
                return inf, _math.copysign(pi / 4.0 if x > 0 else 3.0 * pi / 4.0, y)
            return inf, _math.copysign(0.0 if x > 0 else pi, y)
        if _math.isinf(y):
            if _math.isnan(x):
                return inf, nan
            return inf, _math.copysign(pi / 2.0, y)
        return nan, nan
    if abs(x) > _LARGE or abs(y) > _LARGE:
        real = _math.log(_math.hypot(x / 2.0, y / 2.0)) + 2.0 * _LN2
        return real, _math.atan2(y, x)
    s1 = _sqrt(x - 1.0, y)
    s2 = _sqrt(x + 1.0, y)
    real = _math.asinh(s1[0] * s2[0] + s1[1] * s2[1])
    imag = 2.0 * _math.atan2(s1[1], s2[0])
    return real, imag


def _atanh(x, y):
    if not _finite(x, y):
        if _math.isinf(x) or _math.isinf(y):
            # atanh(z) tends to 0 + pi/2 j, from the side of the signs.
            real = 0.0 if _math.isnan(x) else _math.copysign(0.0, x)
            imag = nan if _math.isnan(y) else _math.copysign(pi / 2.0, y)
            return real, imag
        if _math.isnan(y) and x == 0.0:
            return x, nan
        return nan, nan
    if x < 0.0:
        real, imag = _atanh(-x, -y)
        return -real, -imag
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        # atanh(z) ~ 1/z for large z.
        h = _math.hypot(x / 2.0, y / 2.0)
        real = x / 4.0 / h / h
        imag = -_math.copysign(pi / 2.0, -y)
    elif x == 1.0 and ay < _SQRT_DBL_MIN:
        if ay == 0.0:
            raise _domain()
        real = -_math.log(_math.sqrt(ay) / _math.sqrt(_math.hypot(ay, 2.0)))
        imag = _math.copysign(_math.atan2(2.0, -ay) / 2.0, y)
    else:
        real = _log1p(4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)) / 4.0
        imag = -_math.atan2(-2.0 * y, (1.0 - x) * (1.0 + x) - ay * ay) / 2.0
    return real, imag


def asinh(z, /):
    """Return the inverse hyperbolic sine of z."""
    return complex(*_asinh(*_parts(z)))


def acosh(z, /):
    """Return the inverse hyperbolic cosine of z."""
    return complex(*_acosh(*_parts(z)))


def atanh(z, /):
    """Return the inverse hyperbolic tangent of z."""
    return complex(*_atanh(*_parts(z)))


def asin(z, /):
    """Return the arc sine of z."""
    x, y = _parts(z)
    real, imag = _asinh(-y, x)
    return complex(imag, -real)


def acos(z, /):
    """Return the arc cosine of z."""
    return complex(*_acos(*_parts(z)))


def atan(z, /):
    """Return the arc tangent of z."""
    x, y = _parts(z)
    real, imag = _atanh(-y, x)
    return complex(imag, -real)
