"""Outlet names from metadata, URLs and domain-named folders; never guessed.

A folder counts only when its name is a domain with a known top-level domain
("freebeacon.com/"): "seeds/", "2016.08" or "backup.old/" name no outlet.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = re.compile(rf"^(?:{_LABEL}\.)+(?P<tld>[a-z]{{2,24}})$")

# Generic TLDs news sites use, plus country codes; listed rather than "any
# letters" so that folder names like "notes.txt" or "backup.old" do not pass
# (codes that double as file extensions, .md and .py, are left out).
_TLDS = frozenset(
    """com net org edu gov mil int info biz news co io me tv fm am ly eu asia online
    media press today world live site blog
    uk us ca au nz ie de fr it es pt nl be lu ch at se no dk fi is pl cz sk hu ro bg gr
    tr ru ua by lt lv ee rs hr si ba mk al ge az kz uz il ps lb jo sy iq ir sa ae
    qa kw bh om ye eg ly tn dz ma ng gh ke tz ug et za zw cn hk tw jp kr kp in pk bd lk
    np af sg my id ph th vn kh mm br ar cl pe ve uy bo ec mx cu jm pr""".split()  # noqa: SIM905
)


def domain_outlet(value: str) -> str | None:
    """Lower-case domain without "www." if `value` is a domain name, else None."""
    name = value.strip().lower().rstrip(".")
    match = _DOMAIN.match(name)
    if match is None or match.group("tld") not in _TLDS:
        return None
    return name.removeprefix("www.") or None


def url_outlet(url: str | None) -> str | None:
    """The domain of an http(s) URL, as an outlet name."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return domain_outlet(host) if host else None


def folder_outlet(path: Path) -> str | None:
    """Outlet named by the folder that directly contains `path`, if a domain."""
    return domain_outlet(path.parent.name) if path.parent.name else None


def metadata_outlet(*names: str | None) -> str | None:
    """First non-empty name, whitespace-collapsed."""
    for name in names:
        if name and name.strip():
            return " ".join(name.split())
    return None
