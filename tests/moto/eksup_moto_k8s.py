"""Kubernetes API stand-in per ACTIVE EKS cluster, and the node-join rules (see issue 9).

Installed by ``eksup_moto.install()``.
"""

from __future__ import annotations


def install() -> None:
    """Apply the patches of this module (called once per process)."""
