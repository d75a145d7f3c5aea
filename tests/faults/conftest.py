from tests.contributions.conftest import proposal_data  # noqa: F401
