"""`kommissorium site`: a static, accessible website of the charters (see ``build``)."""

from kommissorium.site.build import DEFAULT_TITLE, SiteOptions, SiteResult, build_site

__all__ = ["DEFAULT_TITLE", "SiteOptions", "SiteResult", "build_site"]
