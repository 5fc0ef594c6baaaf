"""Values from the data (or the file system) inside Streamlit markdown, shown as the text they are.

``st.markdown``, ``st.caption``, titles and headers, metric labels, ``help=`` texts, the bodies of
``st.info`` / ``warning`` / ``error`` / ``success``, widget, tab and expander labels all render
markdown: a space called ``![x](http://host/x.png)`` would make every viewer's browser fetch that
address, and ``**bold**`` or ``<b>`` would change how a page looks. :func:`md` turns such a value into
markdown that shows exactly its characters; the translated strings around it keep their own markdown.
Values shown by ``st.dataframe`` or as a selectbox's options (``format_func``) are not markdown and
need nothing.
"""

from __future__ import annotations

import re

#: every ASCII punctuation character: CommonMark lets each be escaped with a backslash, and each of these
#: can start something in Streamlit's markdown (emphasis, links and images, HTML, headings, lists, tables,
#: code, strikethrough, ``$`` maths, ``:`` emoji, icons and colours, ``{}`` directives, ``&`` entities)
_SIGNIFICANT = re.compile(r"([!-/:-@\[-`{-~])")
#: line breaks, tabs and other control characters: a value is one line of text
_CONTROLS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
#: where GitHub-flavoured markdown turns plain text into a link even when every character is escaped
#: (``http://…``, ``https://…``, ``www.…``, ``name@host``): an invisible word joiner goes in between
_AUTOLINK = re.compile(r"(?i)https?(?=:)|www(?=\.)|@")
WORD_JOINER = "\u2060"


def md(value: object) -> str:
    """``value`` as markdown text that renders as exactly its characters, on one line.

    Every ASCII punctuation character is backslash-escaped (so ``![x](…)`` stays text and ``<img …>`` is
    not HTML); line breaks and other control characters become one space; an invisible word joiner
    (U+2060) after ``http``, ``https``, ``www`` and ``@`` keeps an address from becoming a link; letters,
    digits, spaces and everything beyond ASCII (``ā č ē ģ ī ķ ļ ņ š ū ž``, “quotes”, –) are kept as they are.
    """
    text = _CONTROLS.sub(" ", "" if value is None else str(value))
    text = _AUTOLINK.sub(lambda match: match.group(0) + WORD_JOINER, text)
    return _SIGNIFICANT.sub(r"\\\1", text)
