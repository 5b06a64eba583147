"""Decimal floating point arithmetic (the General Decimal Arithmetic Specification), as
CPython 3.11's `decimal` shows it for the common operations.

Written for krait from the documentation. A Decimal is a sign, an integer coefficient and a
power-of-ten exponent (or a NaN or an infinity); results are exact and then rounded to the
context's precision with its rounding mode. Covered: construction from str, int, float,
tuples and Decimals; str/repr in scientific or plain notation as the specification says;
+ - * / // % ** (integer powers), comparisons and hashes consistent with int and float;
quantize, to_integral_value, normalize, sqrt, round, int, float and format(); the eight
rounding modes; contexts (precision, rounding, traps and flags) with getcontext,
setcontext and localcontext; and the signals as exceptions with CPython's messages
(`[<class 'decimal.ConversionSyntax'>]`). Not covered: ln, log10, exp, fma and the other
transcendental or logical operations, Emin/Emax overflow handling beyond the checks below.
"""

import math as _math
import numbers as _numbers

__all__ = ['Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
           'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
           'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
           'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
           'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN',
           'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)


# Signals -----------------------------------------------------------------------------------

class DecimalException(ArithmeticError):
    """The base of the decimal signals."""


class Clamped(DecimalException):
    """The exponent was changed to fit the representation."""


class InvalidOperation(DecimalException):
    """An operation with no sensible result."""


class ConversionSyntax(InvalidOperation):
    """A string that is not a number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number divided by zero."""


class DivisionImpossible(InvalidOperation):
    """An integer division whose result has too many digits."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero divided by zero."""


class Inexact(DecimalException):
    """Rounding lost non-zero digits."""


class InvalidContext(InvalidOperation):
    """An invalid context."""


class Rounded(DecimalException):
    """Rounding dropped digits (zero or not)."""


class Subnormal(DecimalException):
    """A result below Emin."""


class Overflow(Inexact, Rounded):
    """A result above Emax."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result rounded to zero."""


class FloatOperation(DecimalException, TypeError):
    """A float mixed with Decimals where the context forbids it."""


# In the order CPython lists them in a context's repr.
_SIGNALS = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
            Rounded, Subnormal, Underflow]

# Conditions are raised as the signal they belong to.
_CONDITION_SIGNAL = {ConversionSyntax: InvalidOperation,
                     DivisionImpossible: InvalidOperation,
                     DivisionUndefined: InvalidOperation,
                     InvalidContext: InvalidOperation}


# Contexts ----------------------------------------------------------------------------------

class Context(object):
    """Arithmetic settings: precision, rounding mode, exponent limits, and which signals
    raise (`traps`) or have happened (`flags`)."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None, _ignored_flags=None):
        base = DefaultContext if 'DefaultContext' in globals() else None
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else \
            (base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        if traps is None:
            self.traps = dict(base.traps) if base else \
                {signal: signal in (InvalidOperation, DivisionByZero, Overflow)
                 for signal in _SIGNALS}
        elif isinstance(traps, dict):
            self.traps = {signal: bool(traps.get(signal, False)) for signal in _SIGNALS}
        else:
            self.traps = {signal: signal in traps for signal in _SIGNALS}
        if flags is None:
            self.flags = {signal: False for signal in _SIGNALS}
        elif isinstance(flags, dict):
            self.flags = {signal: bool(flags.get(signal, False)) for signal in _SIGNALS}
        else:
            self.flags = {signal: signal in flags for signal in _SIGNALS}

    def __setattr__(self, name, value):
        if name == 'prec':
            if not isinstance(value, int):
                raise TypeError('an integer is required')
            if not 1 <= value <= MAX_PREC:
                raise ValueError('valid range for prec is [1, MAX_PREC]')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, '
                                'ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, '
                                'ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]')
        elif name == 'Emin':
            if value > 0:
                raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            if value < 0:
                raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [signal.__name__ for signal, on in self.flags.items() if on]
        traps = [signal.__name__ for signal, on in self.traps.items() if on]
        return (f'Context(prec={self.prec}, rounding={self.rounding}, Emin={self.Emin}, '
                f'Emax={self.Emax}, capitals={self.capitals}, clamp={self.clamp}, '
                f'flags=[{", ".join(flags)}], traps=[{", ".join(traps)}])')

    def copy(self):
        """An independent copy (flags and traps too)."""
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def clear_flags(self):
        for signal in self.flags:
            self.flags[signal] = False

    def clear_traps(self):
        for signal in self.traps:
            self.traps[signal] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _raise(self, condition, explanation=None):
        """Records `condition`; raises it if its signal is trapped."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = True
        if self.traps.get(signal):
            raise signal([condition])

    def create_decimal(self, num='0'):
        """`num` as a Decimal rounded to this context."""
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._raise(ConversionSyntax)
            return Decimal._nan(0, '')
        return Decimal(num)._fix(self)

    def create_decimal_from_float(self, f):
        return Decimal.from_float(f)._fix(self)

    def abs(self, a):
        return _convert(a, True).__abs__(context=self)

    def add(self, a, b):
        return _convert(a, True).__add__(b, context=self)

    def subtract(self, a, b):
        return _convert(a, True).__sub__(b, context=self)

    def multiply(self, a, b):
        return _convert(a, True).__mul__(b, context=self)

    def divide(self, a, b):
        return _convert(a, True).__truediv__(b, context=self)

    def divide_int(self, a, b):
        return _convert(a, True).__floordiv__(b, context=self)

    def remainder(self, a, b):
        return _convert(a, True).__mod__(b, context=self)

    def power(self, a, b, modulo=None):
        return _convert(a, True).__pow__(b, modulo, context=self)

    def quantize(self, a, b):
        return _convert(a, True).quantize(b, context=self)

    def sqrt(self, a):
        return _convert(a, True).sqrt(context=self)

    def compare(self, a, b):
        return _convert(a, True).compare(b, context=self)

    def plus(self, a):
        return _convert(a, True).__pos__(context=self)

    def minus(self, a):
        return _convert(a, True).__neg__(context=self)

    def to_integral_value(self, a):
        return _convert(a, True).to_integral_value(context=self)

    def normalize(self, a):
        return _convert(a, True).normalize(context=self)

    def max(self, a, b):
        return _convert(a, True).max(b, context=self)

    def min(self, a, b):
        return _convert(a, True).min(b, context=self)


_current_context = None


def getcontext():
    """The current context (a copy of DefaultContext at first)."""
    global _current_context
    if _current_context is None:
        _current_context = Context()
    return _current_context


def setcontext(context):
    """Makes `context` current (DefaultContext and friends are copied first)."""
    global _current_context
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context = context


class _ContextManager:
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *exc_info):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of `ctx` (or the current context), changed by
    `kwargs`, current inside the `with` block."""
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for name, value in kwargs.items():
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags',
                        'traps'):
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        setattr(manager.new_context, name, value)
    return manager


# Decimal -----------------------------------------------------------------------------------

class DecimalTuple(tuple):
    """(sign, digits, exponent)."""

    def __new__(cls, sign, digits, exponent):
        return tuple.__new__(cls, (sign, digits, exponent))

    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return f'DecimalTuple(sign={self[0]}, digits={self[1]!r}, exponent={self[2]!r})'


def _digit_count(n):
    return len(str(n)) if n else 1


def _parse(text):
    """(sign, coefficient, exponent or special) of a numeric string, or None."""
    text = text.strip().replace('_', '') if '_' not in text.strip()[:1] else None
    if not text:
        return None
    sign = 0
    if text[0] in '+-':
        sign = 1 if text[0] == '-' else 0
        text = text[1:]
    lower = text.lower()
    if lower in ('inf', 'infinity'):
        return sign, 0, 'F'
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if lower.startswith(prefix):
            payload = lower[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            return sign, int(payload) if payload else 0, kind
    mantissa, exponent_part = text, '0'
    for marker in 'eE':
        if marker in text:
            mantissa, exponent_part = text.split(marker, 1)
            break
    if exponent_part and exponent_part[0] in '+-':
        exponent_digits = exponent_part[1:]
    else:
        exponent_digits = exponent_part
    if not exponent_digits or not (exponent_digits.isdigit() and exponent_digits.isascii()):
        return None
    whole, dot, fraction = mantissa.partition('.')
    digits = whole + fraction
    if not digits or not (digits.isdigit() and digits.isascii()):
        return None
    return sign, int(digits), int(exponent_part) - len(fraction)


class Decimal(object):
    """A decimal number: sign, integer coefficient, power-of-ten exponent."""

    __slots__ = ('_sign', '_coefficient', '_exponent', '_special')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, Decimal):
            self._sign, self._coefficient = value._sign, value._coefficient
            self._exponent, self._special = value._exponent, value._special
            return self
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                if context is None:
                    context = getcontext()
                context._raise(ConversionSyntax)
                return cls._nan(0, '')
            sign, coefficient, exponent = parsed
            self._sign = sign
            self._coefficient = coefficient
            if exponent in ('F', 'n', 'N'):
                self._special = exponent
                self._exponent = 0
            else:
                self._special = ''
                self._exponent = exponent
            return self
        if isinstance(value, int) and not isinstance(value, bool) or isinstance(value, bool):
            value = int(value)
            self._sign = 1 if value < 0 else 0
            self._coefficient = abs(value)
            self._exponent = 0
            self._special = ''
            return self
        if isinstance(value, float):
            (context or getcontext())._raise(FloatOperation)
            return cls.from_float(value)
        if isinstance(value, (list, tuple)):
            if len(value) != 3:
                raise ValueError('argument must be a sequence of length 3')
            sign, digits, exponent = value
            if sign not in (0, 1):
                raise ValueError('sign must be an integer with the value 0 or 1')
            if exponent == 'F':
                return cls._special_value(sign, 'F')
            if exponent in ('n', 'N'):
                coefficient = int(''.join(map(str, digits))) if digits else 0
                result = cls._special_value(sign, exponent)
                result._coefficient = coefficient
                return result
            if not isinstance(exponent, int):
                raise ValueError('exponent must be an integer')
            for digit in digits:
                if not (isinstance(digit, int) and 0 <= digit <= 9):
                    raise ValueError('coefficient must be a tuple of digits')
            coefficient = int(''.join(map(str, digits))) if digits else 0
            return _make(sign, coefficient, exponent)
        raise TypeError(f'conversion from {type(value).__name__} to Decimal is not '
                        f'supported')

    @classmethod
    def _special_value(cls, sign, kind):
        self = object.__new__(cls)
        self._sign = sign
        self._coefficient = 0
        self._exponent = 0
        self._special = kind
        return self

    @classmethod
    def _nan(cls, sign, payload):
        result = cls._special_value(sign, 'n')
        result._coefficient = int(payload) if payload else 0
        return result

    @classmethod
    def from_float(cls, f):
        """The exact value of float (or int) `f`."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('argument must be int or float')
        if f != f:
            return cls._special_value(0, 'n')
        if f in (float('inf'), float('-inf')):
            return cls._special_value(1 if f < 0 else 0, 'F')
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        numerator, denominator = abs(f).as_integer_ratio()
        power = denominator.bit_length() - 1
        return _make(sign, numerator * 5 ** power, -power)

    # Predicates and parts ----------------------------------------------------------------

    def is_nan(self):
        return self._special in ('n', 'N')

    def is_qnan(self):
        return self._special == 'n'

    def is_snan(self):
        return self._special == 'N'

    def is_infinite(self):
        return self._special == 'F'

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._coefficient == 0

    def is_signed(self):
        return self._sign == 1

    def is_normal(self, context=None):
        return not self._special and self._coefficient != 0

    def adjusted(self):
        """The exponent of the most significant digit."""
        if self._special:
            return 0
        return self._exponent + _digit_count(self._coefficient) - 1

    def as_tuple(self):
        """DecimalTuple(sign, digits, exponent)."""
        if self._special == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(d) for d in str(self._coefficient)) \
            if (self._coefficient or not self._special) else ()
        if self._special:
            return DecimalTuple(self._sign, digits, self._special)
        return DecimalTuple(self._sign, digits, self._exponent)

    def as_integer_ratio(self):
        """(numerator, denominator) in lowest terms."""
        if self._special == 'F':
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._special:
            raise ValueError('cannot convert NaN to integer ratio')
        numerator = self._coefficient
        denominator = 1
        if self._exponent >= 0:
            numerator *= 10 ** self._exponent
        else:
            denominator = 10 ** -self._exponent
        divisor = _math.gcd(numerator, denominator)
        numerator //= divisor
        denominator //= divisor
        return (-numerator if self._sign else numerator), denominator

    def copy_abs(self):
        return _copy_with_sign(self, 0)

    def copy_negate(self):
        return _copy_with_sign(self, 1 - self._sign)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _copy_with_sign(self, other._sign)

    # Text --------------------------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._special:
            if self._special == 'F':
                return sign + 'Infinity'
            payload = str(self._coefficient) if self._coefficient else ''
            return sign + ('NaN' if self._special == 'n' else 'sNaN') + payload
        digits = str(self._coefficient)
        exponent = self._exponent
        left_digits = exponent + len(digits)
        if exponent <= 0 and left_digits > -6:
            dot_place = left_digits
        elif not eng:
            dot_place = 1
        elif self._coefficient == 0:
            dot_place = (left_digits + 1) % 3 - 1
        else:
            dot_place = (left_digits - 1) % 3 + 1
        if dot_place <= 0:
            integer_part = '0'
            fraction_part = '.' + '0' * -dot_place + digits
        elif dot_place >= len(digits):
            integer_part = digits + '0' * (dot_place - len(digits))
            fraction_part = ''
        else:
            integer_part = digits[:dot_place]
            fraction_part = '.' + digits[dot_place:]
        if left_digits == dot_place:
            exponent_part = ''
        else:
            capitals = getcontext().capitals if context is None else context.capitals
            exponent_part = ('e', 'E')[capitals] + '%+d' % (left_digits - dot_place)
        return sign + integer_part + fraction_part + exponent_part

    def to_eng_string(self, context=None):
        """Like str(), with an exponent that is a multiple of 3."""
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return f"Decimal('{self}')"

    # Rounding ----------------------------------------------------------------------------

    def _fix(self, context):
        """This value rounded to the context's precision."""
        if self._special:
            if self._special == 'N':
                context._raise(InvalidOperation)
                return Decimal._nan(self._sign, self._coefficient)
            return self
        digits = _digit_count(self._coefficient)
        if digits <= context.prec:
            return self
        drop = digits - context.prec
        coefficient, inexact = _round_coefficient(self._coefficient, drop, context.rounding,
                                                  self._sign)
        exponent = self._exponent + drop
        if _digit_count(coefficient) > context.prec:
            coefficient //= 10
            exponent += 1
        context._raise(Rounded)
        if inexact:
            context._raise(Inexact)
        if exponent + context.prec - 1 > context.Emax:
            context._raise(Overflow)
            return Decimal._special_value(self._sign, 'F')
        return _make(self._sign, coefficient, exponent)

    def quantize(self, exp, rounding=None, context=None):
        """This value with the exponent of `exp`, rounded with `rounding`."""
        exp = _convert(exp, True)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        special = self._check_nans(exp, context)
        if special is not None:
            return special
        if self._special or exp._special:
            if self._special == 'F' and exp._special == 'F':
                return Decimal(self)
            context._raise(InvalidOperation)
            return Decimal._nan(0, '')
        target = exp._exponent
        if target > self._exponent:
            drop = target - self._exponent
            coefficient, inexact = _round_coefficient(self._coefficient, drop, rounding,
                                                      self._sign)
            if inexact:
                context._raise(Inexact)
            if drop:
                context._raise(Rounded)
        else:
            coefficient = self._coefficient * 10 ** (self._exponent - target)
        if _digit_count(coefficient) > context.prec:
            context._raise(InvalidOperation)
            return Decimal._nan(0, '')
        return _make(self._sign, coefficient, target)

    def to_integral_value(self, rounding=None, context=None):
        """Rounded to an integer (exponent 0 or more kept)."""
        if self._special or self._exponent >= 0:
            return Decimal(self)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context.rounding
        coefficient, _ = _round_coefficient(self._coefficient, -self._exponent, rounding,
                                            self._sign)
        return _make(self._sign, coefficient, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        if context is None:
            context = getcontext()
        result = self.to_integral_value(rounding, context)
        if result != self:
            context._raise(Inexact)
        if not self._special and self._exponent < 0:
            context._raise(Rounded)
        return result

    def normalize(self, context=None):
        """Rounded to the context, with trailing zeros removed."""
        if context is None:
            context = getcontext()
        if self._special:
            return self._fix(context)
        result = self._fix(context)
        if result._special:
            return result
        coefficient, exponent = result._coefficient, result._exponent
        if coefficient == 0:
            return _make(result._sign, 0, 0)
        while coefficient % 10 == 0 and exponent < context.Emax:
            coefficient //= 10
            exponent += 1
        return _make(result._sign, coefficient, exponent)

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('Second argument to round should be integral')
            return self.quantize(_make(0, 1, -n), rounding=ROUND_HALF_EVEN)
        if self._special:
            if self.is_nan():
                raise ValueError('cannot round a NaN')
            raise OverflowError('cannot round an infinity')
        return int(self.to_integral_value(rounding=ROUND_HALF_EVEN))

    def __floor__(self):
        return int(self.to_integral_value(rounding=ROUND_FLOOR))

    def __ceil__(self):
        return int(self.to_integral_value(rounding=ROUND_CEILING))

    def __trunc__(self):
        return int(self)

    # Conversions -------------------------------------------------------------------------

    def __int__(self):
        if self._special:
            if self.is_nan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        if self._exponent >= 0:
            value = self._coefficient * 10 ** self._exponent
        else:
            value = self._coefficient // 10 ** -self._exponent
        return -value if self._sign else value

    def __float__(self):
        if self.is_nan():
            if self.is_snan():
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    def __bool__(self):
        return bool(self._special) or self._coefficient != 0

    def __complex__(self):
        return complex(float(self))

    def __hash__(self):
        if self._special:
            if self.is_snan():
                raise TypeError('Cannot hash a signaling NaN value.')
            if self.is_nan():
                return object.__hash__(self)
            return 314159 if not self._sign else -314159
        modulus = 2 ** 61 - 1
        if self._exponent >= 0:
            scale = pow(10, self._exponent, modulus)
        else:
            scale = pow(pow(10, -self._exponent, modulus), modulus - 2, modulus)
        value = self._coefficient * scale % modulus
        result = -value if self._sign else value
        return -2 if result == -1 else result

    # Arithmetic --------------------------------------------------------------------------

    def _check_nans(self, other, context):
        """The NaN result of an operation involving a NaN, or None."""
        for operand in (self, other):
            if operand is not None and operand._special == 'N':
                context._raise(InvalidOperation)
                return Decimal._nan(operand._sign, operand._coefficient)
        for operand in (self, other):
            if operand is not None and operand._special == 'n':
                return operand
        return None

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if self._special == 'F' or other._special == 'F':
            if self._special == 'F' and other._special == 'F' and self._sign != other._sign:
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            return Decimal(self if self._special == 'F' else other)
        exponent = min(self._exponent, other._exponent)
        left = self._coefficient * 10 ** (self._exponent - exponent)
        right = other._coefficient * 10 ** (other._exponent - exponent)
        total = (-left if self._sign else left) + (-right if other._sign else right)
        if total == 0:
            if self._sign and other._sign:
                sign = 1
            elif self._sign != other._sign and context.rounding == ROUND_FLOOR:
                sign = 1
            else:
                sign = 0
            return _make(sign, 0, exponent)._fix(context)
        return _make(1 if total < 0 else 0, abs(total), exponent)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(other.copy_negate() if not other.is_nan() else other,
                            context=context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context=context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if self._special == 'F' or other._special == 'F':
            if self.is_zero() or other.is_zero():
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            return Decimal._special_value(sign, 'F')
        return _make(sign, self._coefficient * other._coefficient,
                     self._exponent + other._exponent)._fix(context)

    __rmul__ = __mul__

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        sign = self._sign ^ other._sign
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if self._special == 'F':
            if other._special == 'F':
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            return Decimal._special_value(sign, 'F')
        if other._special == 'F':
            return _make(sign, 0, context.Etiny())
        if other._coefficient == 0:
            if self._coefficient == 0:
                context._raise(DivisionUndefined)
                return Decimal._nan(0, '')
            context._raise(DivisionByZero)
            return Decimal._special_value(sign, 'F')
        ideal = self._exponent - other._exponent
        if self._coefficient == 0:
            return _make(sign, 0, ideal)._fix(context)
        shift = _digit_count(other._coefficient) - _digit_count(self._coefficient) + \
            context.prec + 1
        exponent = ideal - shift
        if shift >= 0:
            quotient, remainder = divmod(self._coefficient * 10 ** shift, other._coefficient)
        else:
            quotient, remainder = divmod(self._coefficient, other._coefficient * 10 ** -shift)
        if remainder:
            if quotient % 5 == 0:
                quotient += 1
        else:
            while exponent < ideal and quotient % 10 == 0:
                quotient //= 10
                exponent += 1
        return _make(sign, quotient, exponent)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context=context)

    def _divide_integer(self, other, context):
        """(integer quotient, remainder) truncated toward zero, or signals."""
        sign = self._sign ^ other._sign
        if other._coefficient == 0:
            if self._coefficient == 0:
                context._raise(DivisionUndefined)
            else:
                context._raise(DivisionByZero)
            return None
        exponent = min(self._exponent, other._exponent)
        left = self._coefficient * 10 ** (self._exponent - exponent)
        right = other._coefficient * 10 ** (other._exponent - exponent)
        quotient, remainder = divmod(left, right)
        if _digit_count(quotient) > context.prec:
            context._raise(DivisionImpossible)
            return None
        return (_make(sign, quotient, 0),
                _make(self._sign, remainder, exponent)._fix(context))

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if self._special or other._special:
            if self._special == 'F' and other._special == 'F':
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            if self._special == 'F':
                return Decimal._special_value(self._sign ^ other._sign, 'F')
            return _make(self._sign ^ other._sign, 0, 0)
        result = self._divide_integer(other, context)
        if result is None:
            if other._coefficient == 0 and self._coefficient != 0:
                return Decimal._special_value(self._sign ^ other._sign, 'F')
            return Decimal._nan(0, '')
        return result[0]

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context=context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if self._special == 'F':
            context._raise(InvalidOperation)
            return Decimal._nan(0, '')
        if other._special == 'F':
            return Decimal(self)._fix(context)
        if other._coefficient == 0:
            if self._coefficient == 0:
                context._raise(DivisionUndefined)
            else:
                context._raise(InvalidOperation)
            return Decimal._nan(0, '')
        result = self._divide_integer(other, context)
        if result is None:
            return Decimal._nan(0, '')
        return result[1]

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context=context)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return (self.__floordiv__(other, context=context),
                self.__mod__(other, context=context))

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__divmod__(self, context=context)

    def remainder_near(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        quotient = (self / other).to_integral_value(rounding=ROUND_HALF_EVEN)
        return self - quotient * other

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if context is None:
            context = getcontext()
        if modulo is not None:
            modulo = _convert(modulo, True)
            return Decimal(pow(int(self), int(other), int(modulo)))
        special = self._check_nans(other, context)
        if special is not None:
            return special
        if other._special or other._exponent < 0 and \
                other._coefficient % 10 ** -other._exponent:
            if self._special or other._special:
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            # A non-integral power: through float, rounded to the context (inexact).
            context._raise(Inexact)
            context._raise(Rounded)
            value = float(self) ** float(other)
            if isinstance(value, complex):
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            return Decimal(repr(value))._fix(context)
        power = int(other)
        if self._special == 'F':
            if power == 0:
                return Decimal(1)
            sign = self._sign if power % 2 else 0
            if power < 0:
                return _make(sign, 0, context.Etiny())
            return Decimal._special_value(sign, 'F')
        if self._coefficient == 0:
            if power == 0:
                context._raise(InvalidOperation)
                return Decimal._nan(0, '')
            sign = self._sign if power % 2 else 0
            if power < 0:
                context._raise(DivisionByZero)
                return Decimal._special_value(sign, 'F')
            return _make(sign, 0, 0)
        sign = self._sign if power % 2 else 0
        if power >= 0:
            result = _make(sign, self._coefficient ** power, self._exponent * power)
            # Keep a few more digits than needed while multiplying, then round once.
            return result._fix(context)
        with localcontext(context) as inner:
            inner.prec = context.prec + 3
            positive = _make(0, self._coefficient ** -power, self._exponent * -power)
            result = Decimal(1).__truediv__(positive, context=inner)
        result = _make(sign, result._coefficient, result._exponent)
        return result._fix(context)

    def __rpow__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, context=context)

    def sqrt(self, context=None):
        """The square root, correctly rounded to the context's precision."""
        if context is None:
            context = getcontext()
        special = self._check_nans(None, context)
        if special is not None:
            return special
        if self._coefficient == 0 and not self._special:
            return _make(self._sign, 0, self._exponent // 2)
        if self._sign:
            context._raise(InvalidOperation)
            return Decimal._nan(0, '')
        if self._special == 'F':
            return Decimal(self)
        precision = context.prec + 1
        coefficient, exponent = self._coefficient, self._exponent
        if exponent % 2:
            coefficient *= 10
            exponent -= 1
        digits = _digit_count(coefficient)
        shift = max(0, precision * 2 - digits + 2)
        shift += shift % 2
        root = _math.isqrt(coefficient * 10 ** shift)
        exact = root * root == coefficient * 10 ** shift
        result_exponent = (exponent - shift) // 2
        if exact:
            ideal = self._exponent // 2
            while result_exponent < ideal and root % 10 == 0:
                root //= 10
                result_exponent += 1
        elif root % 5 == 0:
            root += 1
        return _make(0, root, result_exponent)._fix(context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self.is_zero() and not self._special:
            sign = 1 if context.rounding == ROUND_FLOOR else 0
            return _make(sign, 0, self._exponent)
        return _copy_with_sign(self, 1 - self._sign)._fix(context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self.is_zero() and not self._special:
            return _make(0, 0, self._exponent)
        return Decimal(self)._fix(context)

    def __abs__(self, round=True, context=None):
        if context is None:
            context = getcontext()
        result = _copy_with_sign(self, 0)
        return result._fix(context) if round else result

    # Comparison --------------------------------------------------------------------------

    def _compare_value(self, other):
        """-1, 0 or 1 comparing numerically (both are non-NaN)."""
        if self._special == 'F' or other._special == 'F':
            left = 0 if self._special != 'F' else (-1 if self._sign else 1)
            right = 0 if other._special != 'F' else (-1 if other._sign else 1)
            if left != right or left == 0 and right == 0:
                if left == right:
                    return 0
                if left or right:
                    if left == 0:
                        return -right
                    if right == 0:
                        return left
                return (left > right) - (left < right)
            return 0
        exponent = min(self._exponent, other._exponent)
        left = self._coefficient * 10 ** (self._exponent - exponent)
        right = other._coefficient * 10 ** (other._exponent - exponent)
        left = -left if self._sign else left
        right = -right if other._sign else right
        return (left > right) - (left < right)

    def _comparable(self, other, equality):
        if isinstance(other, float):
            getcontext()._raise(FloatOperation)
            return Decimal.from_float(other)
        if isinstance(other, _numbers.Rational) and not isinstance(other, int) and \
                hasattr(other, 'numerator'):
            return other
        converted = _convert(other)
        if converted is NotImplemented and equality and isinstance(other, complex) and \
                other.imag == 0:
            return Decimal.from_float(other.real)
        return converted

    def _order(self, other, test):
        other = self._comparable(other, False)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            numerator, denominator = self.as_integer_ratio()
            return test((numerator * other.denominator > other.numerator * denominator) -
                        (numerator * other.denominator < other.numerator * denominator))
        if self.is_nan() or other.is_nan():
            getcontext()._raise(InvalidOperation)
            return False
        return test(self._compare_value(other))

    def __eq__(self, other, context=None):
        other = self._comparable(other, True)
        if other is NotImplemented:
            return other
        if not isinstance(other, Decimal):
            if self._special:
                return False
            return self.as_integer_ratio() == (other.numerator, other.denominator)
        if self.is_nan() or other.is_nan():
            return False
        return self._compare_value(other) == 0

    def __lt__(self, other, context=None):
        return self._order(other, lambda result: result < 0)

    def __le__(self, other, context=None):
        return self._order(other, lambda result: result <= 0)

    def __gt__(self, other, context=None):
        return self._order(other, lambda result: result > 0)

    def __ge__(self, other, context=None):
        return self._order(other, lambda result: result >= 0)

    def compare(self, other, context=None):
        """Decimal(-1), Decimal(0) or Decimal(1) (NaN if either is a NaN)."""
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        special = self._check_nans(other, context)
        if special is not None:
            return special
        return Decimal(self._compare_value(other))

    def max(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self.is_nan():
            return other._fix(context) if not other.is_nan() else self
        if other.is_nan():
            return self._fix(context)
        comparison = self._compare_value(other)
        if comparison == 0:
            comparison = (self._sign < other._sign) - (self._sign > other._sign) or \
                (self._exponent > other._exponent) - (self._exponent < other._exponent)
            if self._sign:
                comparison = -comparison
        return (self if comparison >= 0 else other)._fix(context)

    def min(self, other, context=None):
        other = _convert(other, True)
        if context is None:
            context = getcontext()
        if self.is_nan():
            return other._fix(context) if not other.is_nan() else self
        if other.is_nan():
            return self._fix(context)
        comparison = self._compare_value(other)
        if comparison == 0:
            comparison = (self._sign < other._sign) - (self._sign > other._sign) or \
                (self._exponent > other._exponent) - (self._exponent < other._exponent)
            if self._sign:
                comparison = -comparison
        return (self if comparison <= 0 else other)._fix(context)

    # Formatting --------------------------------------------------------------------------

    def __format__(self, specifier, context=None):
        if context is None:
            context = getcontext()
        spec = _parse_format(specifier)
        kind = spec['type']
        if self._special:
            body = str(_copy_with_sign(self, 0)) if self._special == 'F' else \
                str(_copy_with_sign(self, 0))
            if kind == '%':
                body += '%'
            return _align(self._sign, body, spec)
        precision = spec['precision']
        rounding = context.rounding
        value = self
        if kind is not None and kind in 'fF%':
            if kind == '%':
                value = _make(value._sign, value._coefficient, value._exponent + 2)
            if precision is not None:
                value = value._rescale(-precision, rounding)
            body = value._plain_digits()
            if kind == '%':
                body += '%'
        elif kind is not None and kind in 'eE':
            if precision is None:
                precision = _digit_count(value._coefficient) - 1
            value = value._round_significant(precision + 1, rounding)
            digits = str(value._coefficient).ljust(precision + 1, '0')
            exponent = value.adjusted() if value._coefficient else value._exponent + \
                _digit_count(value._coefficient) - 1
            mantissa = digits[0] + ('.' + digits[1:] if precision else '')
            if spec['alternate'] and not precision:
                mantissa += '.'
            body = f'{mantissa}{kind}{exponent:+d}'
        elif kind is None or kind in 'gG':
            if precision is not None and kind is not None:
                if precision == 0:
                    precision = 1
                value = value._round_significant(precision, rounding)
            elif precision is not None:
                value = value._round_significant(precision, rounding)
            left_digits = value._exponent + _digit_count(value._coefficient)
            if kind is None and precision is None:
                text = str(_copy_with_sign(value, 0))
                body = text if context.capitals else text.lower()
            elif value._exponent <= 0 and left_digits > -6 or (
                    kind is not None and -6 < left_digits - 1 < (precision or 1)) or (
                    kind is None and left_digits <= (precision or 0) and
                    left_digits > -6):
                body = value._plain_digits()
            else:
                mantissa_digits = str(value._coefficient)
                mantissa = mantissa_digits[0] + ('.' + mantissa_digits[1:]
                                                 if len(mantissa_digits) > 1 else '')
                marker = 'E' if kind == 'G' or (kind is None and context.capitals) else 'e'
                body = f'{mantissa}{marker}{left_digits - 1:+d}'
        else:
            raise ValueError(f'Invalid format specifier: {specifier}')
        if spec['thousands']:
            body = _group(body, spec['thousands'])
        return _align(value._sign, body, spec)

    def _rescale(self, exponent, rounding):
        if self._exponent >= exponent:
            return _make(self._sign, self._coefficient * 10 ** (self._exponent - exponent),
                         exponent)
        coefficient, _ = _round_coefficient(self._coefficient, exponent - self._exponent,
                                            rounding, self._sign)
        return _make(self._sign, coefficient, exponent)

    def _round_significant(self, digits, rounding):
        count = _digit_count(self._coefficient)
        if count <= digits:
            return self
        drop = count - digits
        coefficient, _ = _round_coefficient(self._coefficient, drop, rounding, self._sign)
        exponent = self._exponent + drop
        if _digit_count(coefficient) > digits:
            coefficient //= 10
            exponent += 1
        return _make(self._sign, coefficient, exponent)

    def _plain_digits(self):
        """The absolute value in plain (not scientific) notation."""
        digits = str(self._coefficient)
        if self._exponent >= 0:
            return digits + '0' * self._exponent if self._coefficient else '0'
        places = -self._exponent
        digits = digits.rjust(places + 1, '0')
        return digits[:-places] + '.' + digits[-places:]

    # Pickling and copying ----------------------------------------------------------------

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def fma(self, other, third, context=None):
        return self * _convert(other, True) + _convert(third, True)

    def ln(self, context=None):
        raise NotImplementedError("krait's decimal has no ln()")

    def log10(self, context=None):
        raise NotImplementedError("krait's decimal has no log10()")

    def exp(self, context=None):
        raise NotImplementedError("krait's decimal has no exp()")


def _make(sign, coefficient, exponent):
    result = object.__new__(Decimal)
    result._sign = sign
    result._coefficient = coefficient
    result._exponent = exponent
    result._special = ''
    return result


def _copy_with_sign(value, sign):
    result = object.__new__(Decimal)
    result._sign = sign
    result._coefficient = value._coefficient
    result._exponent = value._exponent
    result._special = value._special
    return result


def _round_coefficient(coefficient, drop, rounding, sign):
    """`coefficient` with its last `drop` digits rounded away; (result, whether non-zero
    digits were dropped)."""
    if drop <= 0:
        return coefficient, False
    scale = 10 ** drop
    quotient, remainder = divmod(coefficient, scale)
    if remainder == 0:
        return quotient, False
    half = scale // 2
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    elif rounding == ROUND_HALF_UP:
        up = remainder >= half
    elif rounding == ROUND_HALF_DOWN:
        up = remainder > half
    elif rounding == ROUND_HALF_EVEN:
        up = remainder > half or (remainder == half and quotient % 2 == 1)
    else:  # ROUND_05UP
        up = quotient % 10 in (0, 5)
    return quotient + 1 if up else quotient, True


def _convert(other, raise_error=False):
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if raise_error:
        raise TypeError(f'conversion from {type(other).__name__} to Decimal is not supported')
    return NotImplemented


def _parse_format(specifier):
    spec = {'fill': ' ', 'align': None, 'sign': '-', 'zero': False, 'width': 0,
            'thousands': '', 'precision': None, 'type': None, 'alternate': False}
    text = specifier
    if len(text) >= 2 and text[1] in '<>=^':
        spec['fill'], spec['align'] = text[0], text[1]
        text = text[2:]
    elif text and text[0] in '<>=^':
        spec['align'] = text[0]
        text = text[1:]
    if text and text[0] in '+- ':
        spec['sign'] = text[0]
        text = text[1:]
    if text[:1] == '#':
        spec['alternate'] = True
        text = text[1:]
    if text[:1] == '0':
        spec['zero'] = True
        text = text[1:]
    width = ''
    while text[:1].isdigit():
        width += text[0]
        text = text[1:]
    spec['width'] = int(width) if width else 0
    if text and text[0] in (',', '_'):
        spec['thousands'] = text[0]
        text = text[1:]
    if text[:1] == '.':
        text = text[1:]
        digits = ''
        while text[:1].isdigit():
            digits += text[0]
            text = text[1:]
        if not digits:
            raise ValueError(f'Invalid format specifier: {specifier}')
        spec['precision'] = int(digits)
    if text:
        if len(text) != 1 or text not in 'eEfFgGn%':
            raise ValueError(f'Invalid format specifier: {specifier}')
        spec['type'] = 'g' if text == 'n' else text
    if spec['zero'] and spec['align'] is None:
        spec['fill'], spec['align'] = '0', '='
    return spec


def _group(body, separator):
    integer, dot, rest = body.partition('.')
    digits = ''
    for index, char in enumerate(reversed(integer)):
        if index and index % 3 == 0 and char.isdigit():
            digits = separator + digits
        digits = char + digits
    return digits + dot + rest


def _align(sign, body, spec):
    if sign:
        prefix = '-'
    elif spec['sign'] == '+':
        prefix = '+'
    elif spec['sign'] == ' ':
        prefix = ' '
    else:
        prefix = ''
    width = spec['width']
    align = spec['align'] or '>'
    fill = spec['fill']
    padding = width - len(prefix) - len(body)
    if padding <= 0:
        return prefix + body
    if align == '=':
        return prefix + fill * padding + body
    if align == '<':
        return prefix + body + fill * padding
    if align == '^':
        half = padding // 2
        return fill * half + prefix + body + fill * (padding - half)
    return fill * padding + prefix + body


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
                       flags=[])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[], flags=[])
