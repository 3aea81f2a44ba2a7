"""AppTest fixtures; the helpers themselves are in tests/views/apptest.py."""

import pytest

from tests.views.apptest import run_app


@pytest.fixture
def app():
    return run_app
