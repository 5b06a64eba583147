"""Splitting, joining, quoting and query strings of URLs (RFC 3986), as CPython 3.11's
`urllib.parse` does them.

Written for krait from the documentation: `urlsplit`/`urlparse` cut a URL into named parts
(results are named tuples with `hostname`, `port`, `username`, `password` and `geturl()`),
`urlunsplit`/`urlunparse` put them back, `urljoin` resolves a reference against a base,
`quote`/`unquote` percent-encode (UTF-8), `urlencode`/`parse_qs`/`parse_qsl` handle query
strings. Only str URLs are supported (not bytes).
"""

from collections import namedtuple

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit', 'urlunsplit',
           'urlencode', 'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'quote_from_bytes',
           'unquote', 'unquote_plus', 'unquote_to_bytes', 'DefragResult', 'ParseResult',
           'SplitResult']

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws',
                 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms',
               'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn',
               'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews',
                    'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtspu',
              'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https',
                 'shttp', 'snews', 'file', 'prospero']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

_C0_CONTROL_OR_SPACE = ''.join(chr(code) for code in range(0x21))
_UNSAFE_CHARACTERS = ['\t', '\r', '\n']


class _NetlocMixin:
    """The parts of the network location: user, password, host and port."""

    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        hostname = self._hostinfo[0]
        if not hostname:
            return None
        separator = '%'
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f"Port could not be cast to integer value as {port!r}")
            if not 0 <= port <= 65535:
                raise ValueError('Port out of range 0-65535')
        return port

    @property
    def _userinfo(self):
        netloc = self.netloc
        userinfo, have_info, _ = netloc.rpartition('@')
        if have_info:
            username, have_password, password = userinfo.partition(':')
            if not have_password:
                password = None
        else:
            username = password = None
        return username, password

    @property
    def _hostinfo(self):
        netloc = self.netloc
        _, _, hostinfo = netloc.rpartition('@')
        _, have_open_br, bracketed = hostinfo.partition('[')
        if have_open_br:
            hostname, _, port = bracketed.partition(']')
            _, _, port = port.partition(':')
        else:
            hostname, _, port = hostinfo.partition(':')
        if not port:
            port = None
        return hostname, port


class DefragResult(namedtuple('DefragResult', 'url fragment')):
    """A URL without its fragment, and the fragment."""

    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(namedtuple('SplitResult', 'scheme netloc path query fragment'),
                  _NetlocMixin):
    """What `urlsplit` returns."""

    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(namedtuple('ParseResult', 'scheme netloc path params query fragment'),
                  _NetlocMixin):
    """What `urlparse` returns."""

    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


def _check_str(*values):
    for value in values:
        if not isinstance(value, str):
            raise TypeError("krait's urllib.parse supports str arguments only, not "
                            f"{type(value).__name__}")


def _split_netloc(url, start=0):
    end = len(url)
    for delimiter in '/?#':
        found = url.find(delimiter, start)
        if found >= 0:
            end = min(end, found)
    return url[start:end], url[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    """A URL as SplitResult(scheme, netloc, path, query, fragment)."""
    _check_str(url, scheme)
    url = url.lstrip(_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_C0_CONTROL_OR_SPACE)
    for unsafe in _UNSAFE_CHARACTERS:
        url = url.replace(unsafe, '')
        scheme = scheme.replace(unsafe, '')
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        for char in url[:colon]:
            if char not in scheme_chars:
                break
        else:
            scheme, url = url[:colon].lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url, 2)
        if (('[' in netloc and ']' not in netloc) or
                (']' in netloc and '[' not in netloc)):
            raise ValueError('Invalid IPv6 URL')
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def _split_params(url):
    if '/' in url:
        index = url.find(';', url.rfind('/'))
        if index < 0:
            return url, ''
    else:
        index = url.find(';')
    return url[:index], url[index + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """A URL as ParseResult(scheme, netloc, path, params, query, fragment)."""
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ';' in url:
        url, params = _split_params(url)
    else:
        params = ''
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    """The URL of (scheme, netloc, path, query, fragment)."""
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    """The URL of (scheme, netloc, path, params, query, fragment)."""
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = f'{url};{params}'
    return urlunsplit((scheme, netloc, url, query, fragment))


def _remove_dot_segments(segments):
    """Resolves '.' and '..' path segments (RFC 3986, 5.2.4)."""
    output = []
    for segment in segments:
        if segment == '..':
            if output:
                output.pop()
        elif segment != '.':
            output.append(segment)
    if segments and segments[-1] in ('.', '..'):
        output.append('')
    return output


def urljoin(base, url, allow_fragments=True):
    """`url` resolved against the base URL `base`."""
    if not base:
        return url
    if not url:
        return base
    _check_str(base, url)
    base_scheme, base_netloc, base_path, base_params, base_query, _ = \
        urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, base_scheme,
                                                             allow_fragments)
    if scheme != base_scheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = base_netloc
    if not path and not params:
        path = base_path
        params = base_params
        if not query:
            query = base_query
        return urlunparse((scheme, netloc, path, params, query, fragment))
    base_segments = base_path.split('/')
    if base_segments[-1] != '':
        del base_segments[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_segments + path.split('/')
        segments[1:-1] = [segment for segment in segments[1:-1] if segment]
    resolved = _remove_dot_segments(segments)
    return urlunparse((scheme, netloc, '/'.join(resolved) or '/', params, query, fragment))


def urldefrag(url):
    """DefragResult(url without its fragment, fragment)."""
    if '#' in url:
        scheme, netloc, path, params, query, fragment = urlparse(url)
        return DefragResult(urlunparse((scheme, netloc, path, params, query, '')), fragment)
    return DefragResult(url, '')


_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')


def quote_from_bytes(bs, safe='/'):
    """`bs` percent-encoded, except ASCII letters, digits, '_.-~' and `safe`."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError('quote_from_bytes() expected bytes')
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes([c for c in safe if c < 128])
    keep = _ALWAYS_SAFE.union(safe)
    return ''.join([chr(byte) if byte in keep else '%{:02X}'.format(byte) for byte in bs])


def quote(string, safe='/', encoding=None, errors=None):
    """`string` percent-encoded as UTF-8 (or `encoding`), keeping `safe` characters."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """Like `quote`, with spaces as '+' (for query strings)."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


_HEX_DIGITS = '0123456789ABCDEFabcdef'


def unquote_to_bytes(string):
    """The bytes that percent-encoded `string` stands for."""
    if not string:
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    result = bytearray(pieces[0])
    for piece in pieces[1:]:
        head = piece[:2]
        if len(head) == 2 and all(chr(c) in _HEX_DIGITS for c in head):
            result.append(int(head, 16))
            result += piece[2:]
        else:
            result += b'%'
            result += piece
    return bytes(result)


def unquote(string, encoding='utf-8', errors='replace'):
    """`string` with %XX escapes decoded (as UTF-8 by default)."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    out = []
    pending = bytearray()
    index = 0
    length = len(string)
    while index < length:
        char = string[index]
        if char == '%' and index + 2 < length and \
                string[index + 1] in _HEX_DIGITS and string[index + 2] in _HEX_DIGITS:
            pending.append(int(string[index + 1:index + 3], 16))
            index += 3
            continue
        if pending:
            out.append(bytes(pending).decode(encoding, errors))
            pending = bytearray()
        out.append(char)
        index += 1
    if pending:
        out.append(bytes(pending).decode(encoding, errors))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """Like `unquote`, with '+' as a space."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """The (name, value) pairs of a query string."""
    if not qs:
        return []
    if isinstance(qs, bytes):
        qs = qs.decode('ascii')
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError('Separator must be of type string or bytes.')
    if max_num_fields is not None:
        count = 1 + qs.count(separator)
        if max_num_fields < count:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        parts = field.split('=', 1)
        if len(parts) != 2:
            if strict_parsing:
                raise ValueError(f'bad query field: {field!r}')
            if keep_blank_values:
                parts.append('')
            else:
                continue
        if len(parts[1]) or keep_blank_values:
            name = unquote(parts[0].replace('+', ' '), encoding=encoding, errors=errors)
            value = unquote(parts[1].replace('+', ' '), encoding=encoding, errors=errors)
            pairs.append((name, value))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """A query string as a dict of name → list of values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """A query string from a mapping or a sequence of pairs (`doseq`: sequence values
    give one pair per item)."""
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as error:
            raise TypeError('not a valid non-string sequence or mapping object') \
                .with_traceback(error.__traceback__) from None
    pairs = []
    for key, value in query:
        key = _quote_value(key, safe, encoding, errors, quote_via)
        if not doseq:
            pairs.append(key + '=' + _quote_value(value, safe, encoding, errors, quote_via))
        elif isinstance(value, (str, bytes)):
            pairs.append(key + '=' + _quote_value(value, safe, encoding, errors, quote_via))
        else:
            try:
                len(value)
            except TypeError:
                pairs.append(key + '=' + quote_via(str(value), safe, encoding, errors))
            else:
                for item in value:
                    pairs.append(key + '=' + _quote_value(item, safe, encoding, errors,
                                                          quote_via))
    return '&'.join(pairs)


def unwrap(url):
    """`url` without the '<...>' and 'URL:' wrappers of RFC 1738 appendix."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


def _quote_value(value, safe, encoding, errors, quote_via):
    if isinstance(value, bytes):
        return quote_via(value, safe)
    return quote_via(str(value), safe, encoding, errors)
