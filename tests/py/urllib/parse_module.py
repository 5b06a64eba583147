# urllib.parse: splitting, joining (RFC 3986 examples), quoting and query strings.
from urllib.parse import *
import urllib.parse
for url in ["https://user:pw@Example.COM:8080/path/to;params?q=1&r=2#frag", "http://[::1]:80/x", "//host/path", "/just/a/path?x", "mailto:someone@example.com", "file:///etc/hosts", "HTTP://x.org", "relative/path#f", "", "http://h/p;a;b", "  https://trim.me/\tx\n"]:
    p = urlparse(url)
    print(p)
    print(" ", p.hostname, p.port, p.username, p.password, p.geturl(), urlsplit(url), urlunsplit(urlsplit(url)) == urlsplit(url).geturl())
print(urlparse("example.com/path", scheme="https"), urlparse("http://a/b#c", allow_fragments=False))
base = "http://a/b/c/d;p?q"
for ref in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "http:g"]:
    print(repr(ref), urljoin(base, ref))
print(urljoin("https://site.org/docs/", "api/v1"), urljoin("https://site.org/docs", "api/v1"), urljoin("http://a.com/x", "https://b.com/y"))
print(urldefrag("http://a/b#c"), urldefrag("http://a/b"), urldefrag("http://a/b#c").geturl())
print(quote("a b/c?d=é&x~"), quote("a b/c", safe=""), quote_plus("a b&c=d/é"), quote(b"\x00\xff"), quote("日本"))
print(unquote("a%20b%2Fc%3F%C3%A9%zz%4"), unquote_plus("a+b%2Bc"), unquote("%E6%97%A5%E6%9C%AC"), unquote("bad%ff%fe"), unquote_to_bytes("a%20%ff"))
print(urlencode({"q": "search term", "page": 2, "lang": "é"}), urlencode([("a", 1), ("a", 2)]), urlencode({"k": [1, 2, "x y"]}, doseq=True), urlencode({"k": [1, 2]}))
print(urlencode({"path": "/a b"}, quote_via=quote), urlencode({"s": "a/b"}, safe="/"))
print(parse_qs("a=1&b=2&a=3&c=&d"), parse_qs("a=1&c=", keep_blank_values=True), parse_qsl("x=%20y+z&w=%C3%A9"), parse_qsl("a=1;b=2", separator=";"))
try: parse_qsl("a&b=1", strict_parsing=True)
except ValueError as e: print(e)
try: urlparse("http://[::1/").netloc
except ValueError as e: print(e)
try: urlparse("http://host:99999").port
except ValueError as e: print(e)
try: urlparse("http://host:abc").port
except ValueError as e: print(e)
try: urlencode("not pairs")
except TypeError as e: print(e)
r = urlsplit("https://a.b/c?d#e")
print(r.scheme, r[1], r._replace(path="/z").geturl(), tuple(r), isinstance(r, tuple))
print(urllib.parse.unwrap("<URL:http://x.org/a>"), urllib.parse.unwrap(" plain "), "https" in urllib.parse.uses_fragment, "mailto" in urllib.parse.non_hierarchical)
