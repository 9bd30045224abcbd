"""RBAC objects (rbac.authorization.k8s.io/v1) in the Kubernetes API stand-in (eksup_moto_k8s):
discovery, CRUD, server-side apply, the API server's defaulting and validation, kubectl.

The objects of the EMR on EKS cluster access are eksctl's (pkg/authconfigmap/assets/
emr-containers-rbac.yaml), what eksup creates for ``iamIdentityMappings`` with ``serviceName:
emr-containers``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from test_k8s_api import FAST, Env, kubectl  # noqa: F401  (FAST: see pytestmark)
import pytest

pytestmark = pytest.mark.emulator_env(**FAST)

RBAC = "/apis/rbac.authorization.k8s.io/v1"
APPLY = "application/apply-patch+yaml"

EMR_ROLE = {
    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "emr-containers"},
    "rules": [
        {"apiGroups": [""], "resources": ["namespaces"], "verbs": ["get"]},
        {"apiGroups": [""], "resources": ["serviceaccounts", "services", "configmaps", "events", "pods", "pods/log"],
         "verbs": ["get", "list", "watch", "describe", "create", "edit", "delete", "deletecollection", "annotate", "patch", "label"]},
        {"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "patch", "delete", "watch"]},
        {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"],
         "verbs": ["get", "list", "watch", "describe", "create", "edit", "delete", "deletecollection", "annotate", "patch", "label"]},
        {"apiGroups": ["scheduling.volcano.sh"], "resources": ["podgroups"], "verbs": ["get", "list", "watch", "create", "delete", "update"]},
    ],
}
EMR_BINDING = {
    "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "emr-containers"},
    "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "emr-containers"},
    "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "emr-containers"}],
}


def with_namespace(k: Any, name: str = "emr") -> None:
    code, body = k.call("POST", "/api/v1/namespaces", {"metadata": {"name": name}})
    assert code == 201, body


def binding(name: str = "b", kind: str = "RoleBinding", **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name},
                            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"},
                            "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "alice"}]}
    body.update(fields)
    return body


def causes(body: dict[str, Any]) -> dict[str, str]:
    return {c["field"]: c["message"] for c in body["details"]["causes"]}


# ---------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------
def test_discovery_lists_the_rbac_group_and_its_four_resources(emulator):
    k = Env(emulator, addons=()).kube
    groups = {g["name"]: g for g in k.get("/apis")["groups"]}
    assert groups["rbac.authorization.k8s.io"]["preferredVersion"] == {"groupVersion": "rbac.authorization.k8s.io/v1", "version": "v1"}
    assert k.get("/apis/rbac.authorization.k8s.io")["versions"] == [{"groupVersion": "rbac.authorization.k8s.io/v1", "version": "v1"}]
    resources = {r["name"]: r for r in k.get(RBAC)["resources"]}
    assert k.get(RBAC)["groupVersion"] == "rbac.authorization.k8s.io/v1"
    assert {n: (r["kind"], r["namespaced"]) for n, r in resources.items()} == {
        "roles": ("Role", True), "rolebindings": ("RoleBinding", True),
        "clusterroles": ("ClusterRole", False), "clusterrolebindings": ("ClusterRoleBinding", False)}
    assert {"create", "delete", "get", "list", "patch", "update", "watch"} <= set(resources["roles"]["verbs"])
    # Cluster-scoped kinds have no namespaced path, namespaced ones no cluster-scoped item path.
    assert k.call("POST", f"{RBAC}/namespaces/default/clusterroles", {"metadata": {"name": "x"}})[0] == 404
    assert k.call("GET", f"{RBAC}/roles/x")[0] == 404


# ---------------------------------------------------------------------------------------
# eksctl's emr-containers objects: create, read, list, replace, delete
# ---------------------------------------------------------------------------------------
def test_emr_containers_role_and_binding_are_created_read_and_listed(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    code, role = k.call("POST", f"{RBAC}/namespaces/emr/roles", EMR_ROLE)
    assert code == 201, role
    assert role["kind"] == "Role" and role["apiVersion"] == "rbac.authorization.k8s.io/v1"
    assert role["metadata"]["namespace"] == "emr" and role["metadata"]["uid"] and role["metadata"]["resourceVersion"]
    assert "generation" not in role["metadata"] and "status" not in role
    assert role["rules"] == EMR_ROLE["rules"]  # verbs such as "describe" are not checked
    code, rb = k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", EMR_BINDING)
    assert code == 201, rb
    assert rb["roleRef"] == EMR_BINDING["roleRef"] and rb["subjects"] == EMR_BINDING["subjects"]
    assert k.get(f"{RBAC}/namespaces/emr/roles/emr-containers")["rules"] == EMR_ROLE["rules"]
    listed = k.get(f"{RBAC}/namespaces/emr/rolebindings")
    assert listed["kind"] == "RoleBindingList" and [i["metadata"]["name"] for i in listed["items"]] == ["emr-containers"]
    assert [i["metadata"]["namespace"] for i in k.get(f"{RBAC}/roles")["items"]] == ["emr"]
    assert k.call("POST", f"{RBAC}/namespaces/emr/roles", EMR_ROLE)[1]["reason"] == "AlreadyExists"
    # Another namespace may hold the same names.
    with_namespace(k, "emr2")
    assert k.call("POST", f"{RBAC}/namespaces/emr2/roles", EMR_ROLE)[0] == 201


def test_creating_in_a_namespace_that_does_not_exist_is_refused(emulator):
    k = Env(emulator, addons=()).kube
    code, body = k.call("POST", f"{RBAC}/namespaces/nope/roles", EMR_ROLE)
    assert code == 404 and body["message"] == 'namespaces "nope" not found'
    code, body = k.call("PATCH", f"{RBAC}/namespaces/nope/rolebindings/emr-containers?fieldManager=eksup", yaml.safe_dump(EMR_BINDING),
                        content_type=APPLY)
    assert code == 404 and body["message"] == 'namespaces "nope" not found'


def test_deleting_a_namespace_deletes_its_roles_and_bindings_only(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    with_namespace(k, "other")
    for ns in ("emr", "other"):
        k.call("POST", f"{RBAC}/namespaces/{ns}/roles", EMR_ROLE)
        k.call("POST", f"{RBAC}/namespaces/{ns}/rolebindings", EMR_BINDING)
    assert k.call("POST", f"{RBAC}/clusterroles", {"metadata": {"name": "reader"},
                                                  "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}]})[0] == 201
    assert k.call("DELETE", "/api/v1/namespaces/emr")[0] == 200
    assert k.call("GET", f"{RBAC}/namespaces/emr/roles/emr-containers")[0] == 404
    assert k.get(f"{RBAC}/namespaces/emr/rolebindings")["items"] == []
    assert [i["metadata"]["namespace"] for i in k.get(f"{RBAC}/rolebindings")["items"]] == ["other"]
    assert k.call("GET", f"{RBAC}/clusterroles/reader")[0] == 200


def test_delete_and_not_found(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    k.call("POST", f"{RBAC}/namespaces/emr/roles", EMR_ROLE)
    assert k.call("DELETE", f"{RBAC}/namespaces/emr/roles/emr-containers")[0] == 200
    code, body = k.call("GET", f"{RBAC}/namespaces/emr/roles/emr-containers")
    assert code == 404 and body["message"] == 'roles.rbac.authorization.k8s.io "emr-containers" not found'
    assert body["details"] == {"name": "emr-containers", "group": "rbac.authorization.k8s.io", "kind": "roles"}
    assert k.call("DELETE", f"{RBAC}/namespaces/emr/roles/emr-containers")[0] == 404


# ---------------------------------------------------------------------------------------
# Server-side apply, replace, patch; roleRef is immutable
# ---------------------------------------------------------------------------------------
def test_server_side_apply_creates_then_updates_subjects_but_never_the_role_ref(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    url = f"{RBAC}/namespaces/emr/rolebindings/emr-containers?fieldManager=eksup&force=true"
    code, created = k.call("PATCH", url, yaml.safe_dump(EMR_BINDING), content_type=APPLY)
    assert code == 201, created
    assert created["metadata"]["namespace"] == "emr"
    # The same object again: nothing changes.
    code, same = k.call("PATCH", url, json.dumps(EMR_BINDING), content_type=APPLY)
    assert code == 200 and same["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"]
    more = dict(EMR_BINDING, subjects=EMR_BINDING["subjects"] + [{"kind": "Group", "name": "emr-admins"}])
    code, updated = k.call("PATCH", url, json.dumps(more), content_type=APPLY)
    assert code == 200 and updated["subjects"][1] == {"kind": "Group", "name": "emr-admins", "apiGroup": "rbac.authorization.k8s.io"}
    other = dict(EMR_BINDING, roleRef={"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"})
    code, refused = k.call("PATCH", url, json.dumps(other), content_type=APPLY)
    assert code == 422 and refused["reason"] == "Invalid"
    assert refused["message"] == ('RoleBinding.rbac.authorization.k8s.io "emr-containers" is invalid: roleRef: Invalid value: '
                                  'rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef')
    assert causes(refused) == {"roleRef": 'Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", '
                                          'Name:"edit"}: cannot change roleRef'}
    assert refused["details"]["kind"] == "RoleBinding" and refused["details"]["group"] == "rbac.authorization.k8s.io"
    assert k.get(f"{RBAC}/namespaces/emr/rolebindings/emr-containers")["roleRef"]["name"] == "emr-containers"


def test_replace_and_patches_cannot_change_the_role_ref_of_a_cluster_role_binding(emulator):
    k = Env(emulator, addons=()).kube
    crb = binding("crb", "ClusterRoleBinding")
    code, current = k.call("POST", f"{RBAC}/clusterrolebindings", crb)
    assert code == 201, current
    assert "namespace" not in current["metadata"]
    changed = dict(current, roleRef=dict(current["roleRef"], name="edit"))
    code, body = k.call("PUT", f"{RBAC}/clusterrolebindings/crb", changed)
    assert code == 422 and body["message"].endswith('Name:"edit"}: cannot change roleRef')
    assert body["message"].startswith('ClusterRoleBinding.rbac.authorization.k8s.io "crb" is invalid: roleRef')
    code, body = k.call("PATCH", f"{RBAC}/clusterrolebindings/crb", [{"op": "replace", "path": "/roleRef/name", "value": "admin"}],
                        content_type="application/json-patch+json")
    assert code == 422 and "cannot change roleRef" in body["message"]
    code, body = k.call("PATCH", f"{RBAC}/clusterrolebindings/crb", {"roleRef": {"name": "admin"}}, content_type="application/merge-patch+json")
    assert code == 422 and "cannot change roleRef" in body["message"]
    # A replace that leaves roleRef's apiGroup out keeps it (defaulting), and may change the subjects.
    same_ref = dict(current, roleRef={"kind": "ClusterRole", "name": "view"}, subjects=[{"kind": "User", "name": "bob"}])
    code, body = k.call("PUT", f"{RBAC}/clusterrolebindings/crb", same_ref)
    assert code == 200, body
    assert body["subjects"] == [{"kind": "User", "name": "bob", "apiGroup": "rbac.authorization.k8s.io"}]
    assert body["roleRef"] == {"kind": "ClusterRole", "name": "view", "apiGroup": "rbac.authorization.k8s.io"}
    # Deleting and creating it again is how a binding gets another role.
    assert k.call("DELETE", f"{RBAC}/clusterrolebindings/crb")[0] == 200
    assert k.call("POST", f"{RBAC}/clusterrolebindings", dict(crb, roleRef=dict(crb["roleRef"], name="edit")))[0] == 201


def test_roles_rules_can_be_replaced_and_patched(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    _, role = k.call("POST", f"{RBAC}/namespaces/emr/roles", EMR_ROLE)
    role["rules"] = role["rules"][:1]
    code, replaced = k.call("PUT", f"{RBAC}/namespaces/emr/roles/emr-containers", role)
    assert code == 200 and len(replaced["rules"]) == 1
    code, patched = k.call("PATCH", f"{RBAC}/namespaces/emr/roles/emr-containers", {"rules": [{"apiGroups": [""], "resources": ["pods"]}]},
                           content_type="application/strategic-merge-patch+json")
    assert code == 422 and patched["message"] == ('Role.rbac.authorization.k8s.io "emr-containers" is invalid: rules[0].verbs: '
                                                  "Required value: verbs must contain at least one value")


# ---------------------------------------------------------------------------------------
# Validation and defaulting
# ---------------------------------------------------------------------------------------
def test_bindings_default_api_groups(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    body = binding(roleRef={"kind": "Role", "name": "emr-containers"},
                   subjects=[{"kind": "User", "name": "u"}, {"kind": "Group", "name": "g", "apiGroup": ""},
                             {"kind": "ServiceAccount", "name": "sa"}])
    code, rb = k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", body)
    assert code == 201, rb
    assert rb["roleRef"] == {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "emr-containers"}
    assert [s.get("apiGroup") for s in rb["subjects"]] == ["rbac.authorization.k8s.io", "rbac.authorization.k8s.io", None]
    # A RoleBinding's ServiceAccount subject may leave its namespace out; the role need not exist.
    assert "namespace" not in rb["subjects"][2]


def test_role_ref_is_required_and_checked(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    code, body = k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", {"metadata": {"name": "b"}, "subjects": []})
    assert code == 422
    assert body["message"] == ('RoleBinding.rbac.authorization.k8s.io "b" is invalid: [roleRef.kind: Unsupported value: "": '
                               'supported values: "Role", "ClusterRole", roleRef.name: Required value]')
    assert [c["reason"] for c in body["details"]["causes"]] == ["FieldValueNotSupported", "FieldValueRequired"]
    code, body = k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", binding(roleRef={"apiGroup": "rbac", "kind": "Policy", "name": "a/b"}))
    assert code == 422
    assert causes(body) == {
        "roleRef.apiGroup": 'Unsupported value: "rbac": supported values: "rbac.authorization.k8s.io"',
        "roleRef.kind": 'Unsupported value: "Policy": supported values: "Role", "ClusterRole"',
        "roleRef.name": "Invalid value: \"a/b\": may not contain '/'"}
    # A ClusterRoleBinding refers to a ClusterRole only.
    code, body = k.call("POST", f"{RBAC}/clusterrolebindings",
                        binding(kind="ClusterRoleBinding", roleRef={"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "r"}))
    assert code == 422 and causes(body) == {"roleRef.kind": 'Unsupported value: "Role": supported values: "ClusterRole"'}


def test_subjects_are_checked(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    bad = [{"kind": "User", "name": "u", "apiGroup": "v1"}, {"kind": "Group", "name": ""}, {"kind": "ServiceAccount", "name": "Bad_SA",
           "apiGroup": "rbac.authorization.k8s.io"}, {"kind": "Robot", "name": "r"}]
    code, body = k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", binding(subjects=bad))
    assert code == 422
    assert [(c["field"], c["reason"]) for c in body["details"]["causes"]] == [
        ("subjects[0].apiGroup", "FieldValueNotSupported"), ("subjects[1].name", "FieldValueRequired"),
        ("subjects[1].name", "FieldValueInvalid"), ("subjects[2].name", "FieldValueInvalid"),
        ("subjects[2].apiGroup", "FieldValueNotSupported"), ("subjects[3].kind", "FieldValueNotSupported")]
    messages = [c["message"] for c in body["details"]["causes"]]
    assert messages[2] == 'Invalid value: "": group name cannot be empty'
    assert messages[5] == 'Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"'
    # A ClusterRoleBinding's ServiceAccount subject needs its namespace.
    sa = [{"kind": "ServiceAccount", "name": "builder"}]
    code, body = k.call("POST", f"{RBAC}/clusterrolebindings", binding(kind="ClusterRoleBinding", subjects=sa))
    assert code == 422 and causes(body) == {"subjects[0].namespace": "Required value"}
    code, _ = k.call("POST", f"{RBAC}/clusterrolebindings", binding(kind="ClusterRoleBinding", subjects=[dict(sa[0], namespace="ci")]))
    assert code == 201


def test_role_rules_are_checked_and_rbac_names_may_hold_colons(emulator):
    k = Env(emulator, addons=()).kube
    with_namespace(k)
    rules = [{"apiGroups": [""], "resources": ["pods"]}, {"verbs": ["get"]}, {"nonResourceURLs": ["/healthz"], "verbs": ["get"]},
             {"apiGroups": [""], "resources": ["pods", "secrets"], "resourceNames": ["x"], "verbs": ["get"]}]
    code, body = k.call("POST", f"{RBAC}/namespaces/emr/roles", {"metadata": {"name": "r"}, "rules": rules})
    assert code == 422
    assert list(causes(body)) == ["rules[0].verbs", "rules[1].apiGroups", "rules[1].resources", "rules[2].nonResourceURLs",
                                  "rules[3].resourceNames"]
    assert causes(body)["rules[2].nonResourceURLs"] == 'Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs'
    # A ClusterRole may have non-resource URLs; RBAC names are path segments, not DNS names.
    code, body = k.call("POST", f"{RBAC}/clusterroles", {"metadata": {"name": "system:health-reader"},
                                                        "rules": [{"nonResourceURLs": ["/healthz"], "verbs": ["get"]}]})
    assert code == 201, body
    assert k.get(f"{RBAC}/clusterroles/system:health-reader")["metadata"]["name"] == "system:health-reader"
    code, body = k.call("POST", f"{RBAC}/clusterroles", {"metadata": {"name": ".."}, "rules": []})
    assert code == 422 and causes(body) == {"metadata.name": "Invalid value: \"..\": may not be '..'"}
    # A role without rules is valid; its rules are null.
    code, body = k.call("POST", f"{RBAC}/namespaces/emr/roles", {"metadata": {"name": "empty"}})
    assert code == 201 and body["rules"] is None


# ---------------------------------------------------------------------------------------
# kubectl
# ---------------------------------------------------------------------------------------
def test_kubectl_gets_roles_and_bindings(emulator, tmp_path):
    env = Env(emulator, addons=())
    k = env.kube
    with_namespace(k)
    k.call("POST", f"{RBAC}/namespaces/emr/roles", EMR_ROLE)
    k.call("POST", f"{RBAC}/namespaces/emr/rolebindings", EMR_BINDING)
    config = k.kubeconfig(tmp_path)
    listed = yaml.safe_load(kubectl(config, "get", "roles", "-n", "emr", "-o", "yaml").stdout)
    assert listed["kind"] == "List" and [i["kind"] for i in listed["items"]] == ["Role"]
    assert listed["items"][0]["metadata"]["name"] == "emr-containers" and listed["items"][0]["rules"] == EMR_ROLE["rules"]
    one = yaml.safe_load(kubectl(config, "get", "rolebinding", "emr-containers", "-n", "emr", "-o", "yaml").stdout)
    assert one["roleRef"] == EMR_BINDING["roleRef"] and one["subjects"] == EMR_BINDING["subjects"]
    out = kubectl(config, "get", "roles", "-n", "emr").stdout.splitlines()
    assert out[0].split() == ["NAME", "CREATED", "AT"] and out[1].split()[0] == "emr-containers"
    wide = kubectl(config, "get", "rolebindings.rbac.authorization.k8s.io", "-n", "emr", "-o", "wide").stdout.splitlines()
    assert wide[0].split() == ["NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"]
    assert wide[1].split()[:2] == ["emr-containers", "Role/emr-containers"] and wide[1].split()[3] == "emr-containers"
    kubectl(config, "delete", "role", "emr-containers", "-n", "emr")
    assert k.call("GET", f"{RBAC}/namespaces/emr/roles/emr-containers")[0] == 404
