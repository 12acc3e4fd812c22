"""Web pages as text: HTML parsed with the standard library, no JavaScript run.

Keeps what the checks need: visible text in reading order, the title, headings, links,
the declared language, schema.org Product data (JSON-LD and microdata), and whether
the page asks for a password or personal details. Structure becomes text a sentence
reader can use: a table row under a header row reads "Header: cell | Header: cell",
a definition list item reads "term: definition", and hard-wrapped plain text or
Markdown paragraphs are joined back into one line.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape

from psti.evidence.web.dates import DATE
from psti.evidence.web.jsonrows import json_rows
from psti.evidence.web.rsttables import rst_list_tables
from psti.evidence.web.yamlrows import yaml_rows

TEXT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "application/json",
    "application/yaml", "application/x-yaml", ""
)  # fmt: skip
MAX_TEXT_CHARS = 2_000_000
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "main", "nav", "aside", "form",
    "blockquote", "pre", "hr", "title", "option", "label",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
# struck-out text, "<del>2021</del> 2022", is what the page no longer says (until its block ends, so
# an unclosed <s> hides no more than its paragraph)
_STRUCK_TAGS = {"del", "s", "strike"}
# Page chrome: landmarks a site repeats around every page's own content
_CHROME_TAGS = {"nav"}
# inside <main> or <article> they are the content's own; a <header> is not chrome by itself (a page's
# hero often states its product's promises there), only the navigation in it
_CHROME_OUTSIDE_CONTENT = {"footer", "aside"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_CONTENT_TAGS = {"main", "article"}
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|onetrust|cookiebot|newsletter|breadcrumbs?|skip-?link|mega-?menu"
    r"|site-?(?:header|footer|nav)|global-?(?:header|footer|nav))(?:$|[\s_-])",
    re.I,
)
_CHROME_START, _CHROME_END = "\x02", "\x03"  # marks around chrome in the extracted text; removed after
_CHROME_SPAN = re.compile(r"\x02[^\x03]*(?:\x03|\Z)")
_MIN_CONTENT_WORDS = 20  # fewer words outside the chrome: the markup was misread (an unclosed banner); read all
_PERSONAL = re.compile(r"e-?mail|name|phone|tel|address|postcode|zip", re.I)


class NotText(ValueError):
    """The document is not text a person could read (binary, image, archive…)."""


@dataclass
class PageText:
    text: str
    title: str = ""
    lang: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, link text)
    password_field: bool = False
    personal_fields: list[str] = field(default_factory=list)
    is_html: bool = False
    headings: list[str] = field(default_factory=list)  # h1-h3 (or Markdown #, ##, ###), in order
    products: list[dict[str, str]] = field(default_factory=list)  # schema.org Product: name, model, brand...
    published: str = ""  # the page's own date from its markup (meta, JSON-LD datePublished, <time>), as given
    # the site's navigation, banners, footers, sidebars and cookie notices: kept apart from the
    # page's own text, where a menu's "deals end 30 November" would read as a statement
    chrome: str = ""
    chrome_links: list[tuple[str, str]] = field(default_factory=list)
    scripted: bool = False  # the text was read from data the page's scripts draw from (nothing shows without them)


_HEADINGS = ("h1", "h2", "h3")
_MAX_SCOPES = 32
_MAX_TABLES = 32
_VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "embed", "wbr"}
_PRODUCT_PROPS = ("name", "model", "mpn", "sku", "brand", "manufacturer")
# <meta> names and properties that carry the date a page was published
_PUBLISHED_META = frozenset(
    {"article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
     "dcterms.date", "dcterms.created", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date"}
)  # fmt: skip


_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTR_NAME = re.compile(r"[^\s/>=][^\s/>=]*")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"[\s/]*")
_MARKUP_START = re.compile(r"<[A-Za-z/!?]")
_RAW_TEXT = ("script", "style")  # their content is not markup
_RAW_END = {t: re.compile(rf"</{t}[\s/>]", re.I) for t in _RAW_TEXT}


class _Tokenizer:
    """A linear HTML tokenizer: every character is looked at a bounded number of times.

    The standard library's parser rescans from each unfinished `<` to the end of the
    input, so a page of `<a` runs or unclosed comments takes quadratic time. Here, a
    search that fails means the rest of the input cannot hold what was searched for,
    so the tokenizer stops instead of trying again from the next character.
    Malformed markup is read as browsers do in spirit: an unfinished tag or comment at
    the end is dropped, a `<` that starts no tag is text.
    """

    def feed(self, text: str) -> None:
        i, n = 0, len(text)
        while i < n:
            m = _MARKUP_START.search(text, i)  # a "<" that starts nothing ("a < b") is text
            if m is None:
                self.handle_data(unescape(text[i:]))
                return
            lt = m.start()
            if lt > i:
                self.handle_data(unescape(text[i:lt]))
            i = self._markup(text, lt)

    def _markup(self, text: str, lt: int) -> int:
        """Handle the markup at text[lt] == '<'; the index to continue from (len(text) to stop)."""
        n = len(text)
        nxt = text[lt + 1 : lt + 2]
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            return n if end < 0 else end + 3
        if nxt in ("!", "?"):  # doctype, CDATA, processing instruction: nothing to show
            end = text.find(">", lt + 2)
            return n if end < 0 else end + 1
        if nxt == "/":
            m = _TAG_NAME.match(text, lt + 2)
            end = text.find(">", lt + 2)
            if end < 0:
                return n
            if m:
                self.handle_endtag(m.group().lower())
            return end + 1
        m = _TAG_NAME.match(text, lt + 1)
        if m is None:  # not reached: feed() only calls here at markup
            return lt + 1
        tag = m.group().lower()
        attrs: list[tuple[str, str | None]] = []
        i = m.end()
        while True:
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            if i >= n:
                return n  # unfinished tag at the end: dropped
            if text[i] == ">":
                i += 1
                break
            a = _ATTR_NAME.match(text, i)
            if a is None:  # a stray "=": skip it
                i += 1
                continue
            name, j = a.group().lower(), a.end()
            while j < n and text[j] in " \t\n\r\f":
                j += 1
            if j < n and text[j] == "=":
                j += 1
                while j < n and text[j] in " \t\n\r\f":
                    j += 1
                if j < n and text[j] in "\"'":
                    close = text.find(text[j], j + 1)
                    if close < 0:
                        return n  # an unclosed quote runs to the end: the tag is unfinished
                    attrs.append((name, unescape(text[j + 1 : close])))
                    i = close + 1
                else:
                    v = _UNQUOTED.match(text, j)
                    attrs.append((name, unescape(v.group())))  # type: ignore[union-attr]
                    i = v.end()  # type: ignore[union-attr]
            else:
                attrs.append((name, None))
                i = j
        self.handle_starttag(tag, attrs)
        if tag in _RAW_TEXT:
            end_m = _RAW_END[tag].search(text, i)
            if end_m is None:
                return n
            close = text.find(">", end_m.end() - 1)
            self.handle_raw(tag, text[i : end_m.start()])
            self.handle_endtag(tag)
            return n if close < 0 else close + 1
        return i

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...

    def handle_raw(self, tag: str, content: str) -> None:
        """The content of a script or style element (not markup, not shown)."""


@dataclass
class _Table:
    rows: list[list[tuple[str, bool]]] = field(default_factory=list)  # (cell text, is a header cell)
    header_rows: set[int] = field(default_factory=set)  # rows inside <thead>
    cell: list[str] | None = None
    cell_th: bool = False
    in_thead: bool = False


@dataclass
class _Region:
    """An open landmark: page chrome (navigation, banner, footer…) or the page's content (main, article)."""

    tag: str
    chrome: bool
    open: int = 1  # same-name elements open inside it, to know which end tag closes it


@dataclass
class _Scope:
    """An open microdata item (itemscope) or property being read (itemprop)."""

    tag: str
    open: int = 1  # same-name elements open inside it, to know which end tag closes it
    data: dict[str, str] = field(default_factory=dict)
    product: bool = False
    prop: str = ""  # the itemprop this element carries
    text: list[str] | None = None  # text of a plain property


HIDDEN_EMAIL = "[email protected]"  # (served as "[email&#160;protected]"; the no-break space is a space by then)
_CF_HEX = re.compile(r"(?:^|#)([0-9a-fA-F]{4,512})$")
EMAIL_ADDRESS = r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,24}"  # (the policy reader's too)


def _cloudflare_email(a: dict[str, str]) -> str | None:
    """The address behind Cloudflare's e-mail protection: `data-cfemail="…"` or a link to
    `/cdn-cgi/l/email-protection#…`, hex whose first byte is the key the rest is XORed with. The
    page as served shows "[email protected]" until a script decodes it; psti decodes it instead."""
    raw = a.get("data-cfemail") or (a.get("href", "") if "/cdn-cgi/l/email-protection#" in a.get("href", "") else "")
    if not raw:
        return None  # (every tag of a page comes here: most have neither)
    m = _CF_HEX.search(raw.strip())
    if m is None or len(m.group(1)) % 2:
        return None
    data = bytes.fromhex(m.group(1))
    try:
        address = bytes(b ^ data[0] for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return address if re.fullmatch(EMAIL_ADDRESS, address) else None


class _Extractor(_Tokenizer):
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.title: list[str] = []
        self.lang = ""
        self.links: list[tuple[str, str]] = []
        self.password = False
        self.personal: list[str] = []
        self.headings: list[str] = []
        self.products: list[dict[str, str]] = []
        self.published: dict[str, str] = {}  # source ("meta", "json-ld", "time") -> the first date it gave
        self._skip = 0
        self._struck = 0
        self._in_title = False
        self._href: str | None = None
        self._link_text: list[str] = []
        self._tables: list[_Table] = []
        self._heading: list[str] | None = None
        self._dl_last = ""
        self._script_type = ""
        self._scopes: list[_Scope] = []
        self._regions: list[_Region] = []
        self.chrome_links: list[tuple[str, str]] = []
        self._title_heading = False  # an <h1> inside chrome: the page's own title, so kept as content
        self.embedded: list[str] = []  # prose in the page's embedded data, for a page drawn by scripts
        self._cf_email: str | None = None  # an address a site's e-mail protection hid, for the text that follows

    def _in_chrome(self) -> bool:
        return any(r.chrome for r in self._regions) and not self._title_heading

    def _in_content(self) -> bool:
        return any(not r.chrome for r in self._regions)

    def _region_start(self, tag: str, a: dict[str, str]) -> None:
        """Open a landmark, marking where chrome starts in the text (the outermost only)."""
        if tag in _VOID:
            return
        for r in self._regions:
            if r.tag == tag:
                r.open += 1
        if len(self._regions) >= _MAX_SCOPES:
            return  # deeper landmarks change nothing; the bound keeps each tag's cost constant
        role = a.get("role", "").strip().lower()
        if tag in _CONTENT_TAGS or role == "main":
            self._regions.append(_Region(tag, chrome=False))
            return
        chrome = (
            tag in _CHROME_TAGS
            or role in _CHROME_ROLES
            or (tag in _CHROME_OUTSIDE_CONTENT and not self._in_content() and not role)
            or _CHROME_CLASS.search(a.get("id", "") + " " + a.get("class", "")) is not None
        )
        if chrome:
            if not self._in_chrome():
                self._out().append(_CHROME_START)
            self._regions.append(_Region(tag, chrome=True))

    def _region_end(self, tag: str) -> None:
        was = self._in_chrome()
        for r in self._regions:
            if r.tag == tag:
                r.open -= 1
        while self._regions and self._regions[-1].open <= 0:
            self._regions.pop()
        if was and not self._in_chrome():
            self._out().append(_CHROME_END)

    def _out(self) -> list[str]:
        """Where text goes now: the open table cell, or the page."""
        if self._tables and self._tables[-1].cell is not None:
            return self._tables[-1].cell
        return self.parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "title":
            self._in_title = True
        if tag == "script":
            self._script_type = a.get("type", "").lower()
        if tag == "meta" and (a.get("property") or a.get("name") or a.get("itemprop", "")).lower() in _PUBLISHED_META:
            self.published.setdefault("meta", a.get("content", "")[:64])
        if tag == "time" and a.get("datetime"):
            self.published.setdefault("time", a["datetime"][:64])
        if tag in _SKIP and tag != "head":
            self._skip += 1
        if tag in _STRUCK_TAGS:
            self._struck += 1
        elif tag in _BLOCK:
            self._struck = 0
        self._microdata_start(tag, a)
        self._region_start(tag, a)
        if tag == "h1" and self._in_chrome():
            self._out().append(_CHROME_END)  # a banner's <h1> names the page: content
            self._title_heading = True
        out = self._out()
        if tag == "table":
            if len(self._tables) >= _MAX_TABLES:  # nested deeper: read as one table
                return
            self._tables.append(_Table())
        elif self._tables and tag in ("thead", "tbody", "tfoot"):
            self._tables[-1].in_thead = tag == "thead"
        elif self._tables and tag == "tr":
            t = self._tables[-1]
            t.cell = None
            t.rows.append([])
            if t.in_thead:
                t.header_rows.add(len(t.rows) - 1)
        elif self._tables and tag in ("td", "th"):
            t = self._tables[-1]
            self._close_cell(t)
            if not t.rows:
                t.rows.append([])
            t.cell, t.cell_th = [], tag == "th"
        elif tag in ("td", "th"):  # a cell outside any table
            out.append(" | ")
        elif tag == "dt":
            out.append("\n")
            self._dl_last = "dt"
        elif tag == "dd":
            out.append(": " if self._dl_last == "dt" else "; ")
            self._dl_last = "dd"
        elif tag in _BLOCK:
            out.append(" " if out is not self.parts else "\n")
        if tag in _HEADINGS:
            self._heading = []
        if (hidden := _cloudflare_email(a)) is not None:
            self._cf_email = hidden  # the text inside reads "[email protected]": the address stands for it
        if tag == "a":
            self._href = (
                f"mailto:{hidden}"
                if hidden is not None and "email-protection" in a.get("href", "")
                else a.get("href", "")
            )
            self._link_text = []
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "password":
                self.password = True
            elif kind in ("text", "email", "tel") and _PERSONAL.search(a.get("name", "") + a.get("id", "")):
                self.personal.append(a.get("name") or a.get("id") or kind)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag in _STRUCK_TAGS and self._struck:
            self._struck -= 1
        elif tag in _BLOCK:
            self._struck = 0
        if tag == "script":
            self._script_type = ""
        if tag == "table" and self._tables:
            t = self._tables.pop()
            self._close_cell(t)
            rendered = _render_table(t)
            out = self._out()
            out.append(" " + " ".join(rendered) + " " if out is not self.parts else "\n" + "\n".join(rendered) + "\n")
        elif self._tables and tag in ("td", "th"):
            self._close_cell(self._tables[-1])
        elif self._tables and tag == "thead":
            self._tables[-1].in_thead = False
        elif tag in _BLOCK:
            out = self._out()
            out.append(" " if out is not self.parts else "\n")
        if tag in _HEADINGS and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            if heading and not self._in_chrome():  # (not a menu's or a footer's headings)
                self.headings.append(heading)
            self._heading = None
        if tag == "h1" and self._title_heading:
            self._title_heading = False
            if self._in_chrome():
                self._out().append(_CHROME_START)
        if tag == "a" and self._href is not None:
            link = (self._href, " ".join("".join(self._link_text).split()))
            (self.chrome_links if self._in_chrome() else self.links).append(link)
            if self._href.startswith(("mailto:", "http://", "https://", "tel:")):
                self._out().append(f" <{self._href}> ")
            self._href = None
        self._microdata_end(tag)
        self._region_end(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._skip or self._struck:
            return
        data = re.sub(r"[\s\x02\x03]+", " ", data)  # source line breaks are not text breaks in HTML
        if self._cf_email is not None and HIDDEN_EMAIL in data:
            data, self._cf_email = data.replace(HIDDEN_EMAIL, self._cf_email, 1), None
        self._out().append(data)
        if self._href is not None:
            self._link_text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        for scope in self._scopes:
            if scope.text is not None:
                scope.text.append(data)

    def handle_raw(self, tag: str, content: str) -> None:
        if tag == "script" and self._script_type != "application/ld+json":
            if len(self.embedded) < _MAX_EMBEDDED and (data := _embedded_state(content, self._script_type)) is not None:
                _prose_strings(data, self.embedded, 0)
            return
        if tag == "script" and self._script_type == "application/ld+json" and len(content) < 500_000:
            try:
                found = json.loads(content)
            except (ValueError, RecursionError):
                return  # broken (or absurdly nested) structured data is no reason to reject the page
            _json_ld_products(found, self.products, 0)
            if isinstance(found, list):
                found = found[0] if found else {}
            if isinstance(found, dict) and isinstance(found.get("datePublished"), str):
                self.published.setdefault("json-ld", found["datePublished"][:64])

    def close(self) -> None:
        """End of input: tables left open (common in real pages) are still read."""
        while self._tables:
            self.handle_endtag("table")

    @staticmethod
    def _close_cell(t: _Table) -> None:
        if t.cell is not None:
            t.rows[-1].append((" ".join("".join(t.cell).split()), t.cell_th))
            t.cell = None

    def _microdata_start(self, tag: str, a: dict[str, str]) -> None:
        if tag not in _VOID:
            for scope in self._scopes:
                if scope.tag == tag:
                    scope.open += 1
        prop = a.get("itemprop", "").strip().lower()
        if len(self._scopes) >= _MAX_SCOPES:
            return  # deeper items are not product data; the bound keeps each tag's cost constant
        if "itemscope" in a and tag not in _VOID:
            product = a.get("itemtype", "").rstrip("/").lower().endswith("schema.org/product")
            self._scopes.append(_Scope(tag, product=product, prop=prop))
        elif prop in _PRODUCT_PROPS and self._scopes:
            if "content" in a or tag in _VOID:
                if a.get("content", "").strip():
                    self._scopes[-1].data.setdefault(prop, a["content"].strip())
            else:
                self._scopes.append(_Scope(tag, prop=prop, text=[]))

    def _microdata_end(self, tag: str) -> None:
        for scope in self._scopes:
            if scope.tag == tag:
                scope.open -= 1
        while self._scopes and self._scopes[-1].open <= 0:
            scope = self._scopes.pop()
            parent = self._scopes[-1] if self._scopes else None
            if scope.text is not None:  # a plain property: its text
                value = " ".join("".join(scope.text).split())
                if parent is not None and value:
                    parent.data.setdefault(scope.prop, value)
            elif scope.product:
                if scope.data:
                    self.products.append(scope.data)
            elif parent is not None and scope.prop in ("brand", "manufacturer") and scope.data.get("name"):
                parent.data.setdefault(scope.prop, scope.data["name"])


# A page drawn by scripts carries its text as data: Next.js's __NEXT_DATA__, Nuxt's
# window.__NUXT__, a store's window.__INITIAL_STATE__ = {…}, or a JSON <script>
_STATE_ASSIGNMENT = re.compile(
    r"^\s*(?:window\.|var\s+|let\s+|const\s+)?__[A-Z][A-Z0-9_]*__\s*=\s*(?P<json>[{\[].*?)\s*;?\s*$", re.S
)
_MAX_EMBEDDED = 5_000  # strings kept from embedded data
_MAX_EMBEDDED_BYTES = 5_000_000
_EMBEDDED_WORDS = 4  # a string of fewer words is a label, a key or an identifier, not prose


def _embedded_state(content: str, script_type: str) -> object | None:
    """The JSON data a script carries, when it is data (not code); None otherwise."""
    if len(content) > _MAX_EMBEDDED_BYTES:
        return None
    text = content.strip()
    if script_type != "application/json":
        m = _STATE_ASSIGNMENT.match(text) if script_type in ("", "text/javascript") else None
        if m is None:
            return None
        text = m.group("json")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _prose_strings(node: object, out: list[str], depth: int) -> None:
    """Strings of several words anywhere in embedded data, in document order; HTML in them read as text."""
    if depth > 30 or len(out) >= _MAX_EMBEDDED:
        return
    if isinstance(node, dict):
        for value in node.values():
            _prose_strings(value, out, depth + 1)
    elif isinstance(node, list):
        for item in node:
            _prose_strings(item, out, depth + 1)
    elif isinstance(node, str) and len(node.split()) >= _EMBEDDED_WORDS and not node.lstrip().startswith(("http", "{")):
        if "<" in node and ">" in node:
            inner = _Extractor()
            inner.feed(node)
            inner.close()
            node = _lines("".join(inner.parts))
        out.append(node)


def _json_ld_products(node: object, out: list[dict[str, str]], depth: int) -> None:
    """schema.org Product objects anywhere in a JSON-LD document (bounded depth)."""
    if depth > 8 or len(out) >= 20:
        return
    if isinstance(node, list):
        for item in node[:200]:
            _json_ld_products(item, out, depth + 1)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.rsplit("/", 1)[-1].lower() == "product" for k in kinds):
        data: dict[str, str] = {}
        for prop in _PRODUCT_PROPS:
            value = node.get(prop)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, list) and value and isinstance(value[0], (str, dict)):
                value = value[0] if isinstance(value[0], str) else value[0].get("name")
            if isinstance(value, (str, int)) and str(value).strip():
                data[prop] = " ".join(str(value).split())[:200]
        if data:
            out.append(data)
    for key in ("@graph", "mainEntity", "itemListElement", "item", "isVariantOf", "hasVariant"):
        if key in node:
            _json_ld_products(node[key], out, depth + 1)


# a cell that only repeats the one above it: '-"-', '〃', '"' (a ditto mark, as printed tables write it)
_DITTO = re.compile(r"""^(?:-\s?["”″]\s?-|[〃″"”]|''|ditto)$""", re.I)


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().split("|")]


def _plain_table_width(lines: list[str], i: int) -> int | None:
    """The width of the rows under a table's header stored as text with its cells parted by bars and no
    Markdown rule under it ("Model | Android updates | Security updates" over "Pixel 6 | October 2024 |
    October 2026"): a line of named columns, no dates among them, over at least two rows of one width,
    the header's or one cell more (a first column, of the rows' names, left unnamed). None for any other
    line."""
    line = lines[i].strip()
    if "|" not in line or line.startswith("|") or line.endswith("|"):
        return None
    head = _pipe_cells(line)
    if not all(head) or any(_HAS_DIGIT_YEAR.search(c) for c in head):
        return None
    rows = []
    for nxt in lines[i + 1 : i + 4]:
        nxt = nxt.strip()
        if "|" not in nxt or nxt.startswith("|") or nxt.endswith("|"):
            break
        rows.append(_pipe_cells(nxt))
    if len(rows) < 2 or len({len(r) for r in rows}) != 1:
        return None
    width = len(rows[0])
    return width if width in (len(head), len(head) + 1) and all(r[0] for r in rows) else None


_HAS_DIGIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _with_dittos(cells: list[str], above: list[str] | None) -> list[str]:
    """A table row with each ditto mark replaced by the cell above it (itself already resolved)."""
    if not above:
        return cells
    return [above[k] if k < len(above) and _DITTO.match(c) else c for k, c in enumerate(cells)]


def _render_table(t: _Table) -> list[str]:
    """Rows as lines; under a header row, each cell is labelled with its column header."""
    header: list[str] | None = None
    above: list[str] | None = None
    lines: list[str] = []
    for i, row in enumerate(t.rows):
        cells = [c for c, _ in row]
        if not any(cells):
            continue
        # (an empty corner cell over the rows' own header cells does not stop a row of headers)
        is_header = i in t.header_rows or (sum(th for _, th in row) >= 2 and all(th or not c for c, th in row))
        if is_header:
            header, above = cells, None
            lines.append(" | ".join(c for c in cells if c))
            continue
        if header is not None and len(cells) >= 2:
            cells = above = _with_dittos(cells, above)
            pairs = [f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=False) if c]
            pairs += [c for c in cells[len(header) :] if c]
            lines.append(" | ".join(pairs))
        else:
            lines.append(" | ".join(c for c in cells if c))
    return lines


# Markdown as documentation sites write it: entities ("Windows&nbsp;11", "2028&#8209;10&#8209;10") and
# a docs platform's markup around words kept as they are (`:::no-loc text="2028-10-10":::`)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_NO_LOC = re.compile(r""":::no-loc\s+text=(?:"([^"\n]{0,200})"|'([^'\n]{0,200})'):::""")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " "})  # (non-breaking hyphens and spaces)


def _written_out(text: str) -> str:
    """The words a Markdown or plain page shows where it writes them as entities or markup."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: unescape(m.group(0)), text)
    if ":::" in text:
        text = _NO_LOC.sub(lambda m: m.group(1) or m.group(2) or "", text)
    return text.translate(_HYPHENS)


def page_text(content: bytes, media_type: str = "", charset: str | None = None) -> PageText:
    """Readable text of a document; raises NotText for binary or non-text media."""
    media_type = media_type.lower()
    if media_type and media_type not in TEXT_TYPES and not media_type.startswith("text/"):
        raise NotText(f"the document is {media_type}, not a text or HTML page")
    head = content[:8192]
    if b"\x00" in head or _binary_ratio(head) > 0.1:
        raise NotText("the document is binary, not text")
    text = _decode(content, charset)
    # (a document served as HTML with no markup at all is plain text: its line breaks are its structure)
    looks_html = (
        media_type in ("text/html", "application/xhtml+xml") and _MARKUP_START.search(text, 0, 1_000_000) is not None
    ) or (not media_type and re.search(r"<(html|body|p|div|h1)\b", text[:4096], re.I) is not None)
    text = text[: MAX_TEXT_CHARS * 2]
    if not looks_html and (rows := json_rows(text) or yaml_rows(text)) is not None:
        return PageText(text=rows[:MAX_TEXT_CHARS])  # a JSON or YAML data file: its objects as rows
    if not looks_html:
        # a link's note for screen readers, left in copied text, splits the words it follows
        if '="' in text and (records := _XML_RECORD.sub(_xml_record_row, text)) != text:
            text = _XML_TAG_LINE.sub("", records)  # (a bare tag's line, "</branch>", ends the record's row)
        text = _written_out(text)
        plain, headings = unwrap_plain(_LINK_NOTE.sub("", _inline_html_tables(rst_list_tables(text))))
        return PageText(text=plain[:MAX_TEXT_CHARS], headings=headings)
    ex = _Extractor()
    ex.feed(_BRACKETED_ADDRESS.sub(r"&lt;\1&gt;", text))
    ex.close()
    raw = _LINK_NOTE.sub("", "".join(ex.parts))
    body = _lines(_CHROME_SPAN.sub("\n", raw))
    chrome = _lines("\n".join(m.group(0) for m in _CHROME_SPAN.finditer(raw)))
    links, chrome_links = ex.links, ex.chrome_links
    if len(body.split()) < _MIN_CONTENT_WORDS:
        body, chrome, links, chrome_links = _lines(raw), "", links + chrome_links, []
    scripted = len(body.split()) < _MIN_CONTENT_WORDS and bool(ex.embedded)
    if scripted:  # the page shows nothing without its scripts: its text is in the data they draw from
        body = _lines("\n".join([body, *ex.embedded]))
    return PageText(
        text=body[:MAX_TEXT_CHARS],
        chrome=chrome[:MAX_TEXT_CHARS],
        chrome_links=chrome_links,
        scripted=scripted,
        title=" ".join("".join(ex.title).split()),
        lang=ex.lang,
        links=links,
        password_field=ex.password,
        personal_fields=ex.personal,
        is_html=True,
        headings=ex.headings[:200],
        products=ex.products,
        published=next((ex.published[k] for k in ("meta", "json-ld", "time") if k in ex.published), ""),
    )


_MAX_INLINE_TABLES = 50
_MAX_INLINE_TABLE_CHARS = 200_000


def _inline_html_tables(text: str) -> str:
    """Markdown (or plain text) with HTML tables in it, as GitHub and site generators allow: each
    table is read as an HTML page's table is, a row per line under its header's labels. (Found by
    plain search, opening to closing tag, so a page of unclosed tables costs one pass.)"""
    lower = text.lower()
    out: list[str] = []
    at = done = 0
    while done < _MAX_INLINE_TABLES and (start := lower.find("<table", at)) >= 0:
        end = lower.find("</table", start)
        close = lower.find(">", end) if end >= 0 else -1
        if close < 0:
            break  # an unclosed table: the rest is left as it is
        if close - start <= _MAX_INLINE_TABLE_CHARS:
            ex = _Extractor()
            ex.feed(text[start : close + 1])
            ex.close()
            # each row a line of cells, as a Markdown table's rows are read ("| Device(s): Fairphone 5 | …")
            rows = _lines("".join(ex.parts)).splitlines()
            out += [text[at:start], "\n\n", "\n".join(f"| {row}" if " | " in row else row for row in rows), "\n\n"]
        else:
            out.append(text[at : close + 1])
        at, done = close + 1, done + 1
    return "".join(out) + text[at:] if out else text


def _lines(raw: str) -> str:
    """Text with its spaces collapsed, one line per block, no blank lines (and no chrome marks)."""
    lines = (" ".join(line.replace(_CHROME_START, " ").replace(_CHROME_END, " ").split()) for line in raw.splitlines())
    return "\n".join(line for line in lines if line)


_LINK_NOTE = re.compile(r"[ \t]*\((?:link\s+)?opens\s+in\s+(?:a\s+)?new\s+(?:tab|window)\)", re.I)
_MD_BREAK = re.compile(r"^\s*(?:[-*+•◦○●▪■–—‣]\s|\d{1,3}[.)]\s|#|\||>|```|~~~|={3,}\s*$|-{3,}\s*$|\*{3,}\s*$)")
_TAG = re.compile(r"<[^<>]{0,200}>")  # inline HTML in a Markdown table cell ("<div style=…>Hardware</div>")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)  # a line break in a cell ("4.6.0<br />Sauna<br />2024") parts words
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_STRUCK = re.compile(r"~~[^~\n]{1,200}~~\s?")
_EMPHASIS = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
# "_should_", "_(or so)_": single-underscore emphasis around words (not snake_case names)
# (not an address written out as "robson _at_ example _dot_ com")
_UNDERSCORE = re.compile(r"(?<![\w_])_(?!(?:at|dot)_)(?=[^\s_])([^_\n]{1,60}?)(?<=[^\s_])_(?![\w_])")
# "*Update 2021-04-21:* As of today, …": single-star emphasis around words (not a footnote's "2027*"
# nor a product "5 * 3")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,120}?)(?<=[^\s*])\*(?![\w*])")
_LINK_TEXT = re.compile(r"\[[^\[\]\n]{1,200}\]\(")
# a Markdown link's target after its text: "[2.1.0](https://…/2.1.0)"
MD_LINK_TARGET = r"\]\([^()\s]{1,300}\)"
# "Contact: ..." (security.txt, e-mail headers): a line of its own (not an admonition's label: "Note: The
# console will be turned down for non-commercial" goes on as prose)
_FIELD = re.compile(r"^(?!(?:Note|Notice|Warning|Important|Caution|Tip|NB|Update|Attention):)[A-Z][\w-]*:\s")
# the name of a support period's field standing alone on its line, its value on the line under it
_SUPPORT_FIELD = re.compile(
    r"(?:(?:(?:defined|minimum)\s+)?(?:security\s+)?(?:support|update)\s+period|(?:first|initial)\s+supply\s+date|"
    r"(?:security\s+)?updates?\s+(?:until|end\s+date)|end\s+of\s+(?:security\s+)?(?:support|updates)(?:\s+date)?)"
    r"\s*:?",
    re.I,
)
# a line led by a label of a few words and a colon ("First supply date: 22 September 2023"): under another such
# line, a field of a record (a statement of compliance, a product sheet), not the rest of a wrapped sentence
_LABELLED_LINE = re.compile(r"^[A-Z][\w'’-]*(?:[ \t]+[\w'’()/-]+){0,5}:[ \t]+\S")


# an XML element whose attributes are a record, one of them a date: '<branch name="android-4.19"
# version="4.19" launch="2018-10-22" eol="2025-01-01">' in a data file quoted as text
_XML_NAME = r"[A-Za-z][\w:-]{0,40}"
_XML_VALUE = r"\"[^\"<>]{0,200}\""
_XML_RECORD = re.compile(rf"<{_XML_NAME}((?:\s+{_XML_NAME}={_XML_VALUE}){{2,20}})\s*/?>")
_XML_ATTRIBUTE = re.compile(rf"({_XML_NAME})=\"([^\"<>]{{0,200}})\"")
_XML_TAG_LINE = re.compile(rf"^[ \t]*</?{_XML_NAME}(?:\s+{_XML_NAME}={_XML_VALUE})?\s*/?>[ \t]*$", re.M)
_ISO_DAY = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")


def _xml_record_row(m: re.Match[str]) -> str:
    """The element as a row of its attributes ("name: android-4.19 | … | eol: 2025-01-01"), when one of
    them is a date; any other element is left as it was."""
    if not _ISO_DAY.search(m.group(1)):
        return m.group(0)
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    # (inside a Markdown table's cell the cells of the record cannot be the table's own)
    joint = " ; " if m.string[line_start : m.start()].lstrip().startswith("|") else " | "
    return joint.join(f"{k}: {v}" for k, v in _XML_ATTRIBUTE.findall(m.group(1)))


def _added_only(lines: list[str]) -> bool:
    """Every line starts with a patch's "+" ("+title: …", "+---", "+"), some glued to their text: a
    file quoted as added lines, not a list of "+ item" bullets."""
    said = [ln for ln in lines if ln.strip()]
    return (
        len(said) >= 3
        and all(ln.startswith("+") and not ln.startswith("+++") for ln in said)
        and any(len(ln) > 1 and not ln[1].isspace() for ln in said)
    )


_QUOTE_MARKS = re.compile(r"^[ \t]{0,3}>(?:[ \t]?>)*(?:[ \t]|$)")


def unwrap_plain(text: str) -> tuple[str, list[str]]:
    """Plain text or Markdown: paragraphs hard-wrapped across lines joined into one line,
    Markdown tables labelled by their header row; the Markdown headings found."""
    out: list[str] = []
    headings: list[str] = []
    header: list[str] | None = None
    above: list[str] | None = None
    joinable = False  # the last output line is paragraph text that may continue
    fenced = False
    kind = ""  # the language of the fenced block open ("diff", "suggestion")
    shown_red = False  # the open diff block only removes lines: a README's way to show text in red
    added: list[int] = []  # the lines a quoted diff added, by their place in `out`
    # an elision between sentences ("… requirements. ... Model | End date") marks a cut in a quoted
    # page: what follows starts a line of its own, as it did on the page
    # a quoted block's marks ("> … will be turned down for non-commercial" over "> use on January 5,
    # 2022."): its lines are text like any other, joined where they were wrapped
    lines = [_QUOTE_MARKS.sub("", ln) for ln in _ELISION.sub("\n\n", text).splitlines()]
    if _added_only(lines):
        lines = [ln[1:] for ln in lines]  # a file quoted as the patch that adds it: its lines as added
    # YAML front matter ("---", "title: …", "date: 2025-05-22", "---"): one field per line
    # (or a quoted part of such a file, its "---" left out: "title: Acme" … "releases:" over records)
    front = bool(lines) and (lines[0].strip() == "---" or _yaml_records(lines))
    eol_label = _eol_label(lines) if front else ""
    yaml_row = False  # the last line was a record of a YAML list (or a field under one)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if front:
            if yaml_row and re.match(r"^\s+#", raw):
                continue  # a comment among a record's fields ("    # https://…" over "releaseDate: …")
            if (item := _YAML_ITEM.match(raw)) is not None:
                out.append(_yaml_field(item.group("field"), eol_label))  # "- releaseCycle: "17"" opens a record
            elif (field := _YAML_FIELD.match(raw)) is not None and yaml_row and out and out[-1].count(" | ") < 40:
                # "    eol: 2024-09-16" under it: the record's cells, one row as a table's (a record of
                # more fields than a release has goes on a line each: the row stays short)
                out[-1] += " | " + _yaml_field(field.group("field"), eol_label)
            else:
                out.append(line)
            # "supportDates:" over "  start: …" and "  end: …": a block of fields, one row under its name
            block = _YAML_BLOCK.match(raw) is not None and i + 1 < len(lines) and _YAML_FIELD.match(lines[i + 1])
            yaml_row = item is not None or (field is not None and yaml_row) or bool(block)
            front = i == 0 or line != "---"
            continue
        if not fenced and "~~" in line:
            line = _STRUCK.sub("", line)  # "until the end of ~~2021~~ 2022": struck out, no longer said
        if not fenced and ("**" in line or "__" in line):
            line = _EMPHASIS.sub("", line)  # Markdown strong emphasis is not words
        if not fenced and "_" in line and not line.startswith("|"):
            line = _UNDERSCORE.sub(r"\1", line)
        if not fenced and "*" in line:
            line = _STAR.sub(r"\1", line)
        if not fenced and " | " in line and "](" in line and not line.lstrip().startswith("|"):
            # a link's text that is a page's title ("[Windows Embedded Compact 2013 - Microsoft Lifecycle |
            # Microsoft Learn](…)") in prose: its bar parts a title, not a table's cells
            line = _LINK_TEXT.sub(lambda m: m.group(0).replace(" | ", " - "), line)
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            if fenced:
                kind = line.strip("`~ ").lower()
                shown_red = kind == "diff" and _removes_only(lines[i + 1 :])
                if kind == "suggestion" and added and len(out) - added[-1] <= _SUGGESTION_GAP:
                    # a review's suggestion under a diff replaces the lines the diff added
                    for k in reversed(added):
                        del out[k]
                added = []
            out.append(line)
            joinable = False
            continue
        if fenced and kind == "diff" and raw[:1] in ("-", "+") and not raw.startswith(("---", "+++")):
            # a quoted diff: the lines it removes are no longer said, the lines it adds are (a line of
            # context starts with a space: " -   releaseCycle: …" is a list item the diff keeps); a block
            # that only removes is text shown in red ("- WARNING: As of March 31, 2019 … was shutdown.")
            if raw.startswith("+"):
                added.append(len(out))
            if raw.startswith("+") or shown_red:
                out.append(line[1:].strip())
            continue
        if fenced or not line:
            out.append(line)
            joinable = False
            continue
        # a table's rows; its header row may have no outer pipes ("Hardware | Released | …" over "---|---")
        starts_table = "|" in line and i + 1 < len(lines) and "|" in lines[i + 1] and _MD_SEPARATOR.match(lines[i + 1])
        plain_width = _plain_table_width(lines, i) if header is None else None
        if line.startswith("|") or starts_table or plain_width or (header is not None and "|" in line):
            cells = [" ".join(_TAG.sub("", _BREAK_TAG.sub(" ", c)).split()) for c in line.strip("|").split("|")]
            if i + 1 < len(lines) and _MD_SEPARATOR.match(lines[i + 1]) and "|" in lines[i + 1]:
                header, above = cells, None
                out.append(" | ".join(c for c in cells if c))
            elif plain_width:
                # (a header with one cell fewer than its rows has left the first column, the rows' names, unlabelled)
                header, above = [""] * (plain_width - len(cells)) + cells, None
                out.append(" | ".join(c for c in cells if c))
            elif _MD_SEPARATOR.match(line):
                continue
            elif header is not None and len(cells) >= 2:
                cells = above = _with_dittos(cells, above)
                pairs = [f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=False) if c]
                out.append(" | ".join(pairs))
            else:
                out.append(" | ".join(c for c in cells if c))
            joinable = False
            continue
        if header is not None and line in ("...", "…", "[...]", "[…]"):
            out.append(line)  # rows left out of a quoted table: the rows after it are still under its header
            continue
        header = None
        if (
            i + 1 < len(lines)
            and _UNDERLINE.match(lines[i + 1].strip())
            and len(line) <= 120
            and not _UNDERLINE.match(line)
            and (i == 0 or not lines[i - 1].strip() or _UNDERLINE.match(lines[i - 1].strip()))
        ):
            # "11/2016 (ESP Easy Mega)" over "-----------------------": a reStructuredText or Markdown
            # heading underlined by a row of "=" or "-", standing alone (not a paragraph's last line)
            headings.append(line)
            out.append(line)
            joinable = False
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            if heading:
                headings.append(heading)
            out.append(line)
            joinable = False
            continue
        if (
            i
            and out
            and out[-1] == lines[i - 1].strip()
            and _SUPPORT_FIELD.fullmatch(out[-1])
            and not _SUPPORT_FIELD.fullmatch(line)
        ):
            # "Defined support period" over "Minimum five years from the first supply date", "First supply
            # date" over "22 September 2023": a statement of compliance's field name over its value, one field
            out[-1] = out[-1].rstrip(": ") + ": " + line
            joinable = False
            continue
        # a hard wrap: the line before ran long (wrapped text, not a short item) and was about
        # as full as this one (a title or heading followed by a much longer line was not
        # wrapped: the wrapper would have filled it), or this one continues a sentence in lower case
        prev = lines[i - 1].strip()
        full = len(line) <= 1.25 * (len(prev) + 1 + len(line.split(maxsplit=1)[0]))
        wrapped = (len(prev) >= 40 and full) or line[:1].islower()
        if (line[:1].isupper() and (prev.endswith(":") or _ENDS_WITH_DATE.search(prev) or label_like(line))) or (
            line[:1].isdigit() and _ENDS_WITH_DATE.search(prev)  # a numbered row under a row ending in a date
        ):
            # "Products and their end of support:" then "Acme Cam 2 (AC-200) - 31.03.2030": a list's
            # lead-in and its rows, each ending in a date, are lines of their own
            wrapped = False
        if _OPEN_END.search(prev) and len(prev.split()) >= 3:
            # "… submit their report through the" over "Vulnerability Report Form": a line that ends
            # on an article or a preposition goes on, whatever the next line looks like
            wrapped = True
        if (
            len(_RUN_TOGETHER.findall(prev)) >= 2
            and not re.search(r"[.!?:;,]", prev)
            and not _FUNCTION_WORD.search(prev)  # (prose: "updates for PlayStation and YouTube until")
        ):
            # "Module versionDeprecation dateExpiration date": a table's header stored with its cells
            # run together is a line of its own, not the start of a wrapped sentence
            wrapped = False
        if _LABELLED_LINE.match(line) and _LABELLED_LINE.match(prev):
            wrapped = False  # "Defined support period: …" over "First supply date: …": two fields
        if _BYLINE.search(prev):
            wrapped = False  # a post's byline ("feeblee · description · 2026-05-11") is a line of its own
        if _WHOLE_STRONG.match(lines[i - 1]) or _WHOLE_STRONG.match(raw):
            # "**When was the product discontinued? …**" over its answer "June 30, 2011": a line set in bold as
            # a whole is a label, a line of its own
            wrapped = False
        if _OPENER.match(line) and prev[-1:].isalnum():
            # "Samsung is shutting down the v1 SmartThings hub this month" over "The v1 SmartThings Hub
            # from 2013.": a line with no closing punctuation over a capitalised "The" is a headline;
            # a sentence wrapped mid-way would go on with "the"
            wrapped = False
        if joinable and wrapped and not _MD_BREAK.match(raw) and not _FIELD.match(line):
            out[-1] = out[-1] + " " + line
            continue
        out.append(line)
        joinable = not re.match(r"^(?:={3,}|-{3,}|\*{3,})$", line) and not _FIELD.match(line) and not _title_like(line)
    return "\n".join(out), headings


# "Security Team <security@example.com>" written into a page unescaped: no element has an "@" in its
# name, so it is the address as text, not a tag to drop
_BRACKETED_ADDRESS = re.compile(r"<([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})>")
_WHOLE_STRONG = re.compile(r"^\s*(?:\*\*[^*\n]{2,200}\*\*|__[^_\n]{2,200}__)\s*$")
_RUN_TOGETHER = re.compile(r"[a-z][A-Z][a-z]")  # two cells run together: "versionDeprecation"
_FUNCTION_WORD = re.compile(r"\b(?:the|a|an|and|or|for|to|of|in|on|with|will|is|are|be|until|by|from)\b", re.I)


def _removes_only(rest: list[str]) -> bool:
    """The fenced diff block that starts the lines has lines it removes and none it adds."""
    block = list(itertools.takewhile(lambda x: not x.strip().startswith(("```", "~~~")), rest))
    removed = [x for x in block if x.startswith("-") and not x.startswith("---")]
    return bool(removed) and not any(x.startswith("+") and not x.startswith("+++") for x in block)


_SUGGESTION_GAP = 6  # lines between a diff's last added line and a review's suggestion that replaces it
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,}|~{3,}|\^{3,})$")
_ELISION = re.compile(r"(?<=[.!?])[ \t]+(?:\.\.\.|…|\[\.\.\.\]|\[…\])[ \t]+(?=[A-Z0-9])")
# words a sentence cannot end on
_OPEN_END = re.compile(
    r"\s(?:the|a|an|of|to|through|via|with|and|or|for|in|on|at|by|from|our|your|their|until|till|into|than)$", re.I
)


# a YAML list of records in front matter (endoflife.date's "releases:"): each record is a row
_YAML_ITEM = re.compile(r"^\s*-\s+(?P<field>[A-Za-z][\w-]{0,40}:\s+\S.*)$")  # ("- https://…" is no field)
_YAML_FIELD = re.compile(r"^\s{2,}(?P<field>[A-Za-z][\w-]{0,40}:\s+\S.*)$")
_YAML_BLOCK = re.compile(r"^[A-Za-z][\w-]{0,40}:\s*$")


def _yaml_records(lines: list[str]) -> bool:
    """Lines that open with a YAML field and hold a list of records, each a "- key: value" line
    with indented fields under it: a data file, not prose."""
    # (a comment may head the file: "### YamlMime:Lifecycle" over "metadata:")
    first = next((x for x in lines if x.strip() and not x.startswith("#")), "")
    if not re.match(r"^[A-Za-z][\w-]{0,40}:(?:\s+\S|\s*$)", first):
        return False
    return any(
        _YAML_ITEM.match(line) and k + 1 < len(lines) and _YAML_FIELD.match(lines[k + 1])
        for k, line in enumerate(lines[:2000])
    )


def _yaml_field(field: str, eol_label: str = "") -> str:
    """'releaseCycle: "17"' as a cell, 'releaseCycle: 17'; the "eol" field under the label the
    page gives its column ("eolColumn: Discontinued": the dates are ends of production)."""
    key, _, value = field.partition(":")
    key = key.strip()
    value = re.sub(r"\s+#\s.*$", "", value)  # "2031-12-31 # 6 years of security updates": a comment, not the value
    return (eol_label if key == "eol" and eol_label else key) + ": " + value.strip().strip("\"'")


def _eol_label(lines: list[str]) -> str:
    """An endoflife.date page's own name for its "eol" column, from its front matter, when it names
    an end of production or sale rather than of support ("eolColumn: Discontinued")."""
    for line in lines[1:400]:
        if line.strip() == "---":
            break
        if (m := re.match(r"eolColumn:\s*[\"']?([^\"'#]{1,60}?)[\"']?\s*(?:#.*)?$", line)) is not None:
            label = m.group(1).strip()
            # (only a label naming something else than support renames it: "Supported", "Security
            # Support" or "Service Status" are the end of support under another name)
            return (
                label
                if _NOT_SUPPORT_LABEL.search(label) and not re.search(r"support|servic|secur|updat", label, re.I)
                else ""
            )
    return ""


_NOT_SUPPORT_LABEL = re.compile(r"discontinu|production|manufactur|\bsales?\b|availab|sold", re.I)


_BYLINE = re.compile(r"(?:^|·)[^.!?]{0,60}\b(?:19|20)\d\d-\d\d-\d\d\s*$")
_OPENER = re.compile(r"(?:The|A|An|This|These|That|Those|It|Its|We|Our|You|Your|They|Their)\s")
_ENDS_WITH_DATE = re.compile(r"(?:\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|\b(?:19|20)\d\d(?:-\d\d){0,2})\s*$")


def clip(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, marked with an ellipsis where cut (for quoting in findings)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label_like(line: str) -> bool:
    """A short line of capitalised words and no sentence end ("Initial Assessment", "Status
    Update"): a label over the line after it, not the end of a wrapped sentence."""
    words = line.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[.,;!?)]$", line)


def _title_like(line: str) -> bool:
    """A line of capitalised words ("Vulnerability Submission → Verification → Remediation"):
    a heading or a diagram, not prose that wraps onto the next line."""
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _decode(content: bytes, charset: str | None) -> str:
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    for enc in filter(None, (charset, "utf-8")):
        try:
            return content.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", content[:4096], re.I)
    if m:
        try:
            return content.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return content.decode("cp1252", errors="replace")


def _binary_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    control = sum(1 for b in data if b < 9 or 13 < b < 32)
    return control / len(data)


# (not a day before its month and year: "14. januar 2020 opphører support …", "31. März 2025 endet …")
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(?![^\W\d_]{3,12}\.?\s+\d{4}\b)")


RUN_ITEM_CHARS = 80  # an item in a run of them ("Triage – 10 working days", "Acme Cam 2 — 2028")


def semicolon_items(line: str, is_item: Callable[[str], bool]) -> list[str] | None:
    """The items of a line that runs short items together with semicolons, each one passing
    `is_item`, so it can be read as a list would be; None when the line is not such a run."""
    parts = [x.strip() for x in line.split(";") if x.strip()]
    if len(parts) >= 2 and all(len(x) <= RUN_ITEM_CHARS and is_item(x) for x in parts):
        return parts
    return None


# the capitals of the Latin, Greek and Cyrillic alphabets beyond A-Z, which open sentences too ("À partir du …",
# "Сьогодні, …", "Η εφαρμογή …", "Čtvrtý …")
_CAPITALS = "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper())
_UNCASED = "\u05d0-\u05ea\u0621-\u064a"  # the letters of Hebrew and Arabic


def sentences(text: str) -> list[str]:
    """Split text into sentences and lines (headings and table rows count as sentences)."""
    out: list[str] = []
    held = ""  # words that only lead a time, ending a line ("As of September 30, 2016"), for the sentence on the next
    for line in text.splitlines():
        line = _LIST_NUMBER.sub("", line.strip(" \t|*#>-"))  # "1. Go to …" is one sentence, not "1." and "Go to …"
        if not line:
            continue
        if held:
            line, held = f"{held} {line}", ""
        parts: list[str] = []
        # (a sentence may open with the elision of a quoted excerpt: "… boxes. ...Some older boxes")
        # (Korean, Arabic and Hebrew, which have no capitals, start their sentences with any letter: "… 가능해졌다.
        # 이미 …", "… في 8 أبريل 2024. الأول هو …")
        for part in re.split(
            rf"(?<=[.!?؟])\s+(?=(?:\.\.\.|…)?[A-Z{_CAPITALS}0-9(\"'“‘\uac00-\ud7a3{_UNCASED}])",
            _GLUED_END.sub(_spaced_end, line),
        ):
            if not part.strip():
                continue
            if (
                parts
                and (
                    _NEVER_ENDS.search(parts[-1])  # "Acme 3.7 (incl. Acme Client 4)", "(e.g. Acme Cam)"
                    or (_ABBREVIATION.search(parts[-1]) and part[:1].isdigit())
                    or (_ORDINAL_DAY.search(parts[-1]) and _MONTH_START.match(part))
                )
            ):
                # "on Feb. 18, 2026": an abbreviation, not a sentence end; nor a German day's full stop
                # ("am 30. November 2019")
                parts[-1] += " " + part.strip()
            else:
                parts.append(part.strip())
        if parts and _TIME_LEAD.fullmatch(parts[-1]):
            held = parts.pop()  # (a line's last words: "… Disney Infinity. As of September 30, 2016")
        out += parts
    return out + [held] if held else out


# words at a line's end that only lead the time of what the next line says: "As of September 30, 2016",
# "Effective 1 May 2025:"
_TIME_LEAD = re.compile(
    r"(?:as\s+of|effective|starting|beginning|from|since|after)\s+(?:today\s+)?\(?(?!\d{4}\W*$)"  # (not a year alone)
    rf"(?:{DATE.pattern})\)?\s*[,:]?",
    re.I,
)


# a sentence's end glued to the next one in a scraped page ("… a big satellite overhaul.The British …")
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?])(?=(?:\.\.\.|…)?[\"“]?[A-Z][a-z]{2,}\b)")


_WORD_REACH = 200


def _spaced_end(m: re.Match[str]) -> str:
    """A space after the glued end, unless the word it ends is an address ("www.Acme.com")."""
    before = m.string[max(0, m.start() - _WORD_REACH) : m.start()]  # (bounded: a long line has many ends)
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return "" if re.search(r"[/@]|www\.|\.\w+\.$", word) else " "


_ORDINAL_DAY = re.compile(r"(?<![\d.])[0-3]?\d\.$")
_MONTH_START = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\s+(?:19|20|21)\d\d\b"
)
_NEVER_ENDS = re.compile(r"(?:\b(?:incl|excl|cf|vs|approx|esp|resp)|\be\.g|\bi\.e)\.$", re.I)
_ABBREVIATION = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|nos|vol|ver|approx)\.$", re.I)
