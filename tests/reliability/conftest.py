"""Fixtures for the reliability tests: the real app and server over the real records."""
from __future__ import annotations

import pytest

from reliability_helpers import serve


@pytest.fixture(scope="session")
def real_app(real_engine):
    """The app with production settings (rate limits on, 2 MiB bodies) over the real records."""
    from webui import create_app

    return create_app({"ENGINE": real_engine, "SECRET_KEY": "reliability-tests"})


@pytest.fixture(scope="session")
def real_server(real_app):
    with serve(real_app) as base:
        yield base

