"""Valid identification codes for test data."""

from __future__ import annotations

import random

from gongkai.core.codes import org_check_char, uscc_check_char


def make_uscc(prefix: str = "91", region: str = "341500", rng: random.Random | None = None) -> str:
    """A valid unified social credit code (GB 32100 and GB 11714 check characters)."""
    rng = rng or random.Random()
    body = "".join(rng.choice("0123456789") for _ in range(8))
    code17 = prefix + region + body + org_check_char(body)
    return code17 + uscc_check_char(code17)
