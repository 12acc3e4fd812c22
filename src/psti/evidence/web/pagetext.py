"""Web pages as text: HTML parsed with the standard library, no JavaScript run.

Keeps what the checks need: visible text in reading order, the title, links, the
declared language, and whether the page asks for a password or personal details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "")
MAX_TEXT_CHARS = 2_000_000
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "dl", "main", "nav", "aside", "form",
    "blockquote", "pre", "hr", "title", "option", "label",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
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
            self.handle_endtag(tag)
            return n if close < 0 else close + 1
        return i

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


class _Extractor(_Tokenizer):
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.title: list[str] = []
        self.lang = ""
        self.links: list[tuple[str, str]] = []
        self.password = False
        self.personal: list[str] = []
        self._skip = 0
        self._in_title = False
        self._href: str | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        if tag == "title":
            self._in_title = True
        if tag in _SKIP and tag != "head":
            self._skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")  # keep a table row on one line
        if tag == "a":
            self._href = a.get("href", "")
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
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            if self._href.startswith(("mailto:", "http://", "https://", "tel:")):
                self.parts.append(f" <{self._href}> ")
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._skip:
            return
        data = re.sub(r"\s+", " ", data)  # source line breaks are not text breaks in HTML
        self.parts.append(data)
        if self._href is not None:
            self._link_text.append(data)


def page_text(content: bytes, media_type: str = "", charset: str | None = None) -> PageText:
    """Readable text of a document; raises NotText for binary or non-text media."""
    media_type = media_type.lower()
    if media_type and media_type not in TEXT_TYPES and not media_type.startswith("text/"):
        raise NotText(f"the document is {media_type}, not a text or HTML page")
    head = content[:8192]
    if b"\x00" in head or _binary_ratio(head) > 0.1:
        raise NotText("the document is binary, not text")
    text = _decode(content, charset)
    looks_html = media_type in ("text/html", "application/xhtml+xml") or (
        not media_type and re.search(r"<(html|body|p|div|h1)\b", text[:4096], re.I) is not None
    )
    if not looks_html:
        return PageText(text=text[:MAX_TEXT_CHARS])
    ex = _Extractor()
    ex.feed(text[: MAX_TEXT_CHARS * 2])
    raw = "".join(ex.parts)
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    body = "\n".join(line for line in lines if line)
    return PageText(
        text=body[:MAX_TEXT_CHARS],
        title=" ".join("".join(ex.title).split()),
        lang=ex.lang,
        links=ex.links,
        password_field=ex.password,
        personal_fields=ex.personal,
        is_html=True,
    )


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


def sentences(text: str) -> list[str]:
    """Split text into sentences and lines (headings and table rows count as sentences)."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip(" \t|*#>-")
        if not line:
            continue
        for part in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])", line):
            if part.strip():
                out.append(part.strip())
    return out
