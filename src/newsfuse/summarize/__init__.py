"""Extractive, cited brief of one story: select, cite, order, render."""

from newsfuse.summarize.brief import build_brief
from newsfuse.summarize.headline import headline
from newsfuse.summarize.render import brief_to_dict, render_markdown

__all__ = ["brief_to_dict", "build_brief", "headline", "render_markdown"]
