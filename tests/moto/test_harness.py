"""The fixture itself: a server per test that answers, with its own state."""


def test_emulator_answers_and_is_isolated(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    ids = [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"]]
    assert vpc in ids
    assert emulator.control("GET", "/eksup-test/calls")["ec2:CreateVpc"] == 1


def test_first_calls_to_every_service_at_once_are_all_answered(emulator):
    """Right after the health check (the prewarm may still be importing EC2), the first calls
    to several services at once are answered: none waits on the prewarm forever."""
    from concurrent.futures import ThreadPoolExecutor
    from botocore.config import Config

    config = Config(read_timeout=60, retries={"max_attempts": 1})

    def call(service_call):
        service, op, kwargs = service_call
        client = emulator.session.client(service, endpoint_url=emulator.endpoint, config=config)
        return getattr(client, op)(**kwargs)

    calls = [
        ("ssm", "get_parameter",
         {"Name": "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id"}),
        ("ec2", "describe_vpcs", {}),
        ("iam", "list_roles", {}),
        ("eks", "list_clusters", {}),
        ("autoscaling", "describe_auto_scaling_groups", {}),
        ("sts", "get_caller_identity", {}),
    ]
    with ThreadPoolExecutor(len(calls)) as pool:
        answers = list(pool.map(call, calls))
    assert answers[0]["Parameter"]["Value"].startswith("ami-")
    assert answers[5]["Account"] == "123456789012"
