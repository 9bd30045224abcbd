"""AWS's refusals that moto lacks: DependencyViolation, eventual consistency, load balancers
made by Kubernetes (see issue 9).

Installed by ``eksup_moto.install()``.
"""

from __future__ import annotations


def install() -> None:
    """Apply the patches of this module (called once per process)."""
