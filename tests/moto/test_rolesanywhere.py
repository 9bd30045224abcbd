"""IAM Roles Anywhere (eksup_moto_rolesanywhere.py): trust anchors, profiles, tags, AWS's refusals."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/demo-hybrid-nodes-role"
TAGS = [{"key": "alpha.eksctl.io/cluster-name", "value": "demo"}, {"key": "eksup.io/managed-by", "value": "eksup"}]


def certificate(ca: bool | None = True) -> str:
    """A self-signed PEM certificate; ca=None leaves out basicConstraints."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "demo-ca")])
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now)
               .not_valid_after(now + datetime.timedelta(days=365)))
    if ca is not None:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode()


CA_PEM = certificate()


def bundle(pem: str = CA_PEM) -> dict:
    return {"sourceType": "CERTIFICATE_BUNDLE", "sourceData": {"x509CertificateData": pem}}


def error_of(call, *args, **kwargs) -> tuple[str, str, int]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    response = raised.value.response
    return response["Error"]["Code"], response["Error"]["Message"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.fixture
def ra(emulator):
    return emulator.client("rolesanywhere")


@pytest.fixture
def raw(emulator):
    """A client that sends what it is given (no client-side validation), as the Rust SDK mostly does."""
    return emulator.session.client("rolesanywhere", endpoint_url=emulator.endpoint,
                                   config=Config(parameter_validation=False, retries={"total_max_attempts": 1}))


def test_trust_anchor_create_get_list_delete_with_tags(emulator, ra):
    created = ra.create_trust_anchor(name="demo-CA", enabled=True, source=bundle(), tags=TAGS)
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    anchor = created["trustAnchor"]
    ident = anchor["trustAnchorId"]
    assert len(ident) == 36 and ident.count("-") == 4
    assert anchor["trustAnchorArn"] == f"arn:aws:rolesanywhere:us-west-2:{ACCOUNT}:trust-anchor/{ident}"
    assert anchor["name"] == "demo-CA" and anchor["enabled"] is True
    assert anchor["source"] == bundle()
    assert isinstance(anchor["createdAt"], datetime.datetime) and anchor["updatedAt"] == anchor["createdAt"]
    assert {s["event"] for s in anchor["notificationSettings"]} == {"CA_CERTIFICATE_EXPIRY", "END_ENTITY_CERTIFICATE_EXPIRY"}

    assert ra.get_trust_anchor(trustAnchorId=ident)["trustAnchor"] == anchor
    assert ra.get_trust_anchor(trustAnchorId=anchor["trustAnchorArn"])["trustAnchor"]["trustAnchorId"] == ident
    assert [a["trustAnchorId"] for a in ra.list_trust_anchors()["trustAnchors"]] == [ident]
    assert ra.list_tags_for_resource(resourceArn=anchor["trustAnchorArn"])["tags"] == TAGS

    assert ra.disable_trust_anchor(trustAnchorId=ident)["trustAnchor"]["enabled"] is False
    assert ra.enable_trust_anchor(trustAnchorId=ident)["trustAnchor"]["enabled"] is True
    updated = ra.update_trust_anchor(trustAnchorId=ident, name="renamed")["trustAnchor"]
    assert updated["name"] == "renamed" and updated["updatedAt"] >= updated["createdAt"]

    # UpdateTrustAnchor validates the new source as CreateTrustAnchor does.
    code, message, _ = error_of(ra.update_trust_anchor, trustAnchorId=ident, source=bundle(certificate(ca=False)))
    assert code == "ValidationException" and "not a CA certificate" in message
    # An alias: its ARN names the anchor too.
    aliased = ra.update_trust_anchor(trustAnchorId=ident, aliasName="demo/ca")["trustAnchor"]
    assert aliased["aliasArn"] == f"arn:aws:rolesanywhere:us-west-2:{ACCOUNT}:alias/trust-anchor/demo/ca"
    assert ra.get_trust_anchor(trustAnchorId=aliased["aliasArn"])["trustAnchor"]["trustAnchorId"] == ident

    deleted = ra.delete_trust_anchor(trustAnchorId=ident)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 200 and deleted["trustAnchor"]["trustAnchorId"] == ident
    assert ra.list_trust_anchors()["trustAnchors"] == []
    assert error_of(ra.get_trust_anchor, trustAnchorId=ident)[::2] == ("ResourceNotFoundException", 404)
    assert error_of(ra.list_tags_for_resource, resourceArn=anchor["trustAnchorArn"])[0] == "ResourceNotFoundException"

    calls = emulator.control("GET", "/eksup-test/calls")
    assert calls["rolesanywhere:CreateTrustAnchor"] == 1 and calls["rolesanywhere:GetTrustAnchor"] == 4
    assert calls["rolesanywhere:ListTagsForResource"] == 2 and calls["rolesanywhere:DeleteTrustAnchor"] == 1


def test_profile_create_get_list_delete_with_tags(ra):
    created = ra.create_profile(name="demo-hybrid-nodes", roleArns=[ROLE], enabled=True, acceptRoleSessionName=True, tags=TAGS)
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    profile = created["profile"]
    ident = profile["profileId"]
    assert profile["profileArn"] == f"arn:aws:rolesanywhere:us-west-2:{ACCOUNT}:profile/{ident}"
    assert profile["roleArns"] == [ROLE] and profile["enabled"] is True and profile["acceptRoleSessionName"] is True
    assert profile["durationSeconds"] == 3600 and profile["managedPolicyArns"] == []
    assert profile["createdBy"] == f"arn:aws:sts::{ACCOUNT}:user/moto"
    assert {m["certificateField"] for m in profile["attributeMappings"]} == {"x509Subject", "x509Issuer", "x509SAN"}

    assert ra.get_profile(profileId=ident)["profile"] == profile
    assert [p["profileId"] for p in ra.list_profiles()["profiles"]] == [ident]
    assert ra.list_tags_for_resource(resourceArn=profile["profileArn"])["tags"] == TAGS
    assert ra.update_profile(profileId=ident, durationSeconds=7200)["profile"]["durationSeconds"] == 7200
    assert ra.disable_profile(profileId=ident)["profile"]["enabled"] is False
    code, message, _ = error_of(ra.update_profile, profileId=ident, roleArns=["arn:aws:iam::123456789012:policy/x"])
    assert code == "ValidationException" and "at 'roleArns'" in message

    assert ra.delete_profile(profileId=ident)["profile"]["profileId"] == ident
    assert ra.list_profiles()["profiles"] == []
    assert error_of(ra.get_profile, profileId=ident)[::2] == ("ResourceNotFoundException", 404)
    assert error_of(ra.delete_profile, profileId=ident)[::2] == ("ResourceNotFoundException", 404)


def test_tag_untag_and_their_refusals(ra):
    arn = ra.create_trust_anchor(name="demo-CA", source=bundle(), tags=TAGS)["trustAnchor"]["trustAnchorArn"]
    assert ra.tag_resource(resourceArn=arn, tags=[{"key": "extra", "value": "1"}])["ResponseMetadata"]["HTTPStatusCode"] == 201
    ra.untag_resource(resourceArn=arn, tagKeys=["eksup.io/managed-by"])
    assert ra.list_tags_for_resource(resourceArn=arn)["tags"] == [TAGS[0], {"key": "extra", "value": "1"}]

    unknown = f"arn:aws:rolesanywhere:us-west-2:{ACCOUNT}:trust-anchor/00000000-0000-4000-8000-000000000000"
    assert error_of(ra.tag_resource, resourceArn=unknown, tags=TAGS)[::2] == ("ResourceNotFoundException", 404)
    assert error_of(ra.untag_resource, resourceArn=unknown, tagKeys=["a"])[0] == "ResourceNotFoundException"

    code, message, status = error_of(ra.tag_resource, resourceArn=arn, tags=[{"key": f"k{i}", "value": "v"} for i in range(201)])
    assert (code, status) == ("ValidationException", 400)
    assert "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200" in message
    code, message, _ = error_of(ra.tag_resource, resourceArn=arn, tags=[{"key": "bad!key", "value": "v"}])
    assert code == "ValidationException"
    assert "at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern" in message
    assert "bad!key" not in message  # tag keys are sensitive in the model
    code, message, _ = error_of(ra.create_profile, name="p", roleArns=[ROLE], tags=[{"key": "k" * 129, "value": "v"}])
    assert code == "ValidationException" and "Member must have length less than or equal to 128" in message

    ra.tag_resource(resourceArn=arn, tags=[{"key": f"k{i}", "value": "v"} for i in range(198)])  # 200 in all
    assert error_of(ra.tag_resource, resourceArn=arn, tags=[{"key": "one-more", "value": "v"}])[0] == "TooManyTagsException"
    assert len(ra.list_tags_for_resource(resourceArn=arn)["tags"]) == 200


def test_trust_anchor_refusals(emulator, ra, raw):
    def refused(**kwargs) -> str:
        code, message, status = error_of(raw.create_trust_anchor, **kwargs)
        assert (code, status) == ("ValidationException", 400), message
        return message

    message = refused(name="bad/name", source=bundle())
    assert message == ("1 validation error detected: Value 'bad/name' at 'name' failed to satisfy constraint: "
                       "Member must satisfy regular expression pattern: [ a-zA-Z0-9-_]*")
    assert "Member must have length less than or equal to 255" in refused(name="n" * 256, source=bundle())
    assert "Member must have length greater than or equal to 1" in refused(name="", source=bundle())
    assert refused(source=bundle()) == ("1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                                        "Member must not be null")
    assert refused(name="x").startswith("1 validation error detected: Value null at 'source'")
    assert "2 validation errors detected" in refused()

    assert "unable to parse" in refused(name="x", source=bundle("not a certificate"))
    assert "unable to parse" in refused(name="x", source=bundle(CA_PEM.replace("-----BEGIN CERTIFICATE-----\n", "")))
    assert "not a CA certificate" in refused(name="x", source=bundle(certificate(ca=False)))
    assert "not a CA certificate" in refused(name="x", source=bundle(certificate(ca=None)))
    assert "not a CA certificate" in refused(name="x", source=bundle(CA_PEM + certificate(ca=False)))
    assert "requires x509CertificateData" in refused(
        name="x", source={"sourceType": "CERTIFICATE_BUNDLE", "sourceData": {"acmPcaArn": "arn:aws:acm-pca:us-west-2:1:certificate-authority/x"}})
    assert "requires acmPcaArn" in refused(name="x", source={"sourceType": "AWS_ACM_PCA", "sourceData": {"x509CertificateData": CA_PEM}})
    assert "enum value set" in refused(name="x", source={"sourceType": "PEM", "sourceData": {"x509CertificateData": CA_PEM}})
    missing_pca = f"arn:aws:acm-pca:us-west-2:{ACCOUNT}:certificate-authority/00000000-0000-0000-0000-000000000000"
    assert refused(name="x", source={"sourceType": "AWS_ACM_PCA", "sourceData": {"acmPcaArn": missing_pca}}) == \
        "Error creating TrustAnchor. Given AWS PCA did not allow get request."
    assert ra.list_trust_anchors()["trustAnchors"] == []

    pca = emulator.client("acm-pca").create_certificate_authority(
        CertificateAuthorityConfiguration={"KeyAlgorithm": "RSA_2048", "SigningAlgorithm": "SHA256WITHRSA",
                                           "Subject": {"CommonName": "demo"}},
        CertificateAuthorityType="ROOT")["CertificateAuthorityArn"]
    anchor = ra.create_trust_anchor(name="pca", source={"sourceType": "AWS_ACM_PCA", "sourceData": {"acmPcaArn": pca}})
    assert anchor["trustAnchor"]["source"]["sourceData"] == {"acmPcaArn": pca}

    # Two CA certificates in one bundle are accepted.
    assert ra.create_trust_anchor(name="two", source=bundle(CA_PEM + certificate()))["trustAnchor"]["name"] == "two"
    # Unknown / malformed ids.
    assert error_of(ra.get_trust_anchor, trustAnchorId="00000000-0000-4000-8000-000000000000")[::2] == ("ResourceNotFoundException", 404)
    assert error_of(ra.delete_trust_anchor, trustAnchorId="00000000-0000-4000-8000-000000000000")[::2] == ("ResourceNotFoundException", 404)
    code, message, status = error_of(ra.get_trust_anchor, trustAnchorId="not-an-id")
    assert (code, status) == ("ValidationException", 400) and "at 'trustAnchorId'" in message


def test_profile_refusals(raw):
    def refused(**kwargs) -> str:
        code, message, status = error_of(raw.create_profile, **kwargs)
        assert (code, status) == ("ValidationException", 400), message
        return message

    assert refused(name="p", roleArns=[f"arn:aws:iam::{ACCOUNT}:user/someone"]) == (
        f"1 validation error detected: Value '[arn:aws:iam::{ACCOUNT}:user/someone]' at 'roleArns' failed to satisfy "
        "constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: "
        "arn:aws(-[^:]+)?:iam(:.*){2}(:role.*)]")
    assert "at 'roleArns'" in refused(name="p", roleArns=["demo-role"])
    assert refused(name="p").endswith("Value null at 'roleArns' failed to satisfy constraint: Member must not be null")
    assert "Member must have value less than or equal to 43200" in refused(name="p", roleArns=[ROLE], durationSeconds=43201)
    assert "Member must have value greater than or equal to 900" in refused(name="p", roleArns=[ROLE], durationSeconds=899)
    assert "at 'name'" in refused(name="p.q", roleArns=[ROLE])
    # The roles need not exist (no evidence that AWS checks them): this one is not in IAM.
    assert raw.create_profile(name="p", roleArns=[ROLE])["profile"]["roleArns"] == [ROLE]


def test_pagination(emulator, ra):
    ids = [ra.create_trust_anchor(name=f"ca-{i}", source=bundle())["trustAnchor"]["trustAnchorId"] for i in range(5)]
    first = ra.list_trust_anchors(pageSize=2)
    assert [a["trustAnchorId"] for a in first["trustAnchors"]] == ids[:2] and first["nextToken"]
    second = ra.list_trust_anchors(pageSize=2, nextToken=first["nextToken"])
    assert [a["trustAnchorId"] for a in second["trustAnchors"]] == ids[2:4]
    third = ra.list_trust_anchors(pageSize=2, nextToken=second["nextToken"])
    assert [a["trustAnchorId"] for a in third["trustAnchors"]] == ids[4:] and "nextToken" not in third
    pages = ra.get_paginator("list_trust_anchors").paginate(pageSize=2)  # the paginator has no limit key
    assert [a["trustAnchorId"] for page in pages for a in page["trustAnchors"]] == ids

    profiles = [ra.create_profile(name=f"p{i}", roleArns=[ROLE])["profile"]["profileId"] for i in range(3)]
    page = ra.list_profiles(pageSize=1)
    assert [p["profileId"] for p in page["profiles"]] == profiles[:1] and page["nextToken"]
    pages = ra.get_paginator("list_profiles").paginate(pageSize=1)
    assert [p["profileId"] for page in pages for p in page["profiles"]] == profiles
    assert error_of(ra.list_profiles, nextToken="garbage")[0] == "ValidationException"


def test_state_is_per_region_and_reset_clears_it(emulator, ra):
    ra.create_trust_anchor(name="demo-CA", source=bundle())
    ra.create_profile(name="p", roleArns=[ROLE])
    other = emulator.session.client("rolesanywhere", endpoint_url=emulator.endpoint, region_name="eu-west-1")
    assert other.list_trust_anchors()["trustAnchors"] == []
    emulator.control("POST", "/moto-api/reset")
    assert ra.list_trust_anchors()["trustAnchors"] == [] and ra.list_profiles()["profiles"] == []


def test_faults_and_call_log_name_rolesanywhere_operations(emulator, ra):
    emulator.control("POST", "/eksup-test/faults", {"operation": "rolesanywhere:CreateProfile", "code": "ServiceUnavailableException",
                                                    "status": 503})
    raw = emulator.session.client("rolesanywhere", endpoint_url=emulator.endpoint, config=Config(retries={"total_max_attempts": 1}))
    assert error_of(raw.create_profile, name="p", roleArns=[ROLE])[::2] == ("ServiceUnavailableException", 503)
    assert ra.create_profile(name="p", roleArns=[ROLE])["profile"]["name"] == "p"
    ops = [entry["op"] for entry in emulator.control("GET", "/eksup-test/call-log")]
    assert ops[-2:] == ["rolesanywhere:CreateProfile", "rolesanywhere:CreateProfile"]


def test_aws_cli_reads_them_back(emulator, ra):
    anchor = ra.create_trust_anchor(name="demo-CA", enabled=True, source=bundle(), tags=TAGS)["trustAnchor"]
    profile = ra.create_profile(name="demo", roleArns=[ROLE], enabled=True, acceptRoleSessionName=True, tags=TAGS)["profile"]
    aws = Path(sys.executable).parent / "aws"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-west-2")

    def cli(*args: str) -> dict:
        out = subprocess.run([str(aws), "rolesanywhere", *args, "--endpoint-url", emulator.endpoint, "--output", "json"],
                             env=env, capture_output=True, text=True, timeout=120, check=True)
        return json.loads(out.stdout)

    anchors = cli("list-trust-anchors")["trustAnchors"]
    assert [(a["trustAnchorArn"], a["enabled"]) for a in anchors] == [(anchor["trustAnchorArn"], True)]
    assert cli("list-profiles")["profiles"][0]["roleArns"] == [ROLE]
    assert cli("list-tags-for-resource", "--resource-arn", profile["profileArn"])["tags"] == TAGS
    assert cli("get-profile", "--profile-id", profile["profileId"])["profile"]["acceptRoleSessionName"] is True
