"""CloudWatch Logs strictness for eksup's moto emulator (installed by ``eksup_moto.install()``).

eksup sets the retention of a cluster's control plane log group (``/aws/eks/<cluster>/cluster``,
which EKS makes when a log type is turned on: see ``eksup_moto_eks``, "Control plane logs") with
``logs:PutRetentionPolicy``, as eksctl does (``pkg/eks/tasks.go``, ``pkg/eks/update.go``), and reads
it back with ``logs:DescribeLogGroups``. moto 5.2.5 implements both (DescribeLogGroups shows
``retentionInDays`` only once one is set, as AWS does: "Never expire" by default; a missing group
-> ResourceNotFoundException "The specified log group does not exist."), but it stores any
``retentionInDays`` at all. This module patches ``moto.logs.models`` when it is first imported.

What AWS does, and what is patched here:

* **PutRetentionPolicy's ``retentionInDays``** is one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
  180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 and 3653 (the ``Days`` shape of the
  CloudWatch Logs API: "Possible values are: ..."; botocore does not check it, the shape is a plain
  integer). Any other value -> InvalidParameterException (HTTP 400) "1 validation error detected:
  Value '<v>' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set:
  [1, 3, ...]" (AWS's validation wording as far as public reports show it; the exact text is not
  in AWS's documentation), checked before the log group is looked up (a bad value for a missing
  group is the InvalidParameterException). A missing value -> "... Member must not be null".
  Note that eksctl's own list (``LogRetentionInDaysValues``) lacks 1096, 2192, 2557, 2922 and
  3288, which CloudWatch accepts.
"""

from __future__ import annotations

from typing import Any

from eksup_moto_strict import _register

# CloudWatch Logs' allowed retention periods (the API's `Days` documentation), in its order.
RETENTION_DAYS = (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)


def check_retention(value: Any) -> None:
    """AWS's check of PutRetentionPolicy's `retentionInDays` (InvalidParameterException)."""
    from moto.logs.exceptions import InvalidParameterException

    if value is None:
        raise InvalidParameterException(constraint="Member must not be null", parameter="retentionInDays", value=None)
    if isinstance(value, bool) or value not in RETENTION_DAYS:
        allowed = ", ".join(str(d) for d in RETENTION_DAYS)
        raise InvalidParameterException(constraint=f"Member must satisfy enum value set: [{allowed}]",
                                        parameter="retentionInDays", value=value)


def _patch_logs_models(models: Any) -> None:
    backend_class = models.LogsBackend
    original = backend_class.put_retention_policy

    def put_retention_policy(self: Any, log_group_name: str, retention_in_days: Any) -> None:
        check_retention(retention_in_days)
        return original(self, log_group_name, retention_in_days)

    put_retention_policy.__doc__ = original.__doc__
    backend_class.put_retention_policy = put_retention_policy


def install() -> None:
    """Apply the patches of this module (called once per process)."""
    _register("moto.logs.models", _patch_logs_models)
