
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'eksup' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'eksup'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'eksup' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a cluster, node group or repository')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show clusters, node groups or repositories')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a cluster, node group or repository')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Change the size of a node group')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or change labels of a managed node group''s nodes')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove labels of a managed node group''s nodes')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Cordon a node group''s nodes and evict their pods (or `--undo`)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update an add-on in place')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Move a control plane or a managed node group to a newer Kubernetes version')
            [CompletionResult]::new('utils', 'utils', [CompletionResultType]::ParameterValue, 'Utilities: kubeconfig, schema, cluster settings and what EKS offers')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Write a cluster''s kubeconfig entries and make its context current')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)')
            [CompletionResult]::new('ecr', 'ecr', [CompletionResultType]::ParameterValue, 'Amazon ECR helpers')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented cluster YAML, asking questions on a terminal')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;create' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster from a config file or from flags')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Create node groups of an existing cluster from a config file')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Create add-ons on an existing cluster, from flags or a config file')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Create Fargate profiles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create access entries on an existing cluster, from flags or a config file')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Create IAM identity mappings on an existing cluster, from flags or a config file')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Create an ECR repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;create;cluster' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Cluster name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Cluster name')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Kubernetes version')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags for every resource (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--zones', '--zones', [CompletionResultType]::ParameterName, 'Availability zones (`us-west-2a,us-west-2b`)')
            [CompletionResult]::new('--managed', '--managed', [CompletionResultType]::ParameterName, 'Managed node group (default) instead of self-managed')
            [CompletionResult]::new('--nodegroup-name', '--nodegroup-name', [CompletionResultType]::ParameterName, 'Node group name')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Node instance type')
            [CompletionResult]::new('--node-type', '--node-type', [CompletionResultType]::ParameterName, 'Node instance type')
            [CompletionResult]::new('-N', '-N ', [CompletionResultType]::ParameterName, 'Desired node count')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Desired node count')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Minimum node count')
            [CompletionResult]::new('--nodes-min', '--nodes-min', [CompletionResultType]::ParameterName, 'Minimum node count')
            [CompletionResult]::new('-M', '-M ', [CompletionResultType]::ParameterName, 'Maximum node count')
            [CompletionResult]::new('--nodes-max', '--nodes-max', [CompletionResultType]::ParameterName, 'Maximum node count')
            [CompletionResult]::new('--node-volume-size', '--node-volume-size', [CompletionResultType]::ParameterName, 'Node root volume size in GiB')
            [CompletionResult]::new('--node-volume-type', '--node-volume-type', [CompletionResultType]::ParameterName, 'Node root volume type')
            [CompletionResult]::new('--node-ami-family', '--node-ami-family', [CompletionResultType]::ParameterName, 'Node AMI family')
            [CompletionResult]::new('--instance-types', '--instance-types', [CompletionResultType]::ParameterName, 'Instance types of a managed node group (`m5.large,m5a.large`)')
            [CompletionResult]::new('--vpc-cidr', '--vpc-cidr', [CompletionResultType]::ParameterName, 'VPC CIDR')
            [CompletionResult]::new('--vpc-nat-mode', '--vpc-nat-mode', [CompletionResultType]::ParameterName, 'NAT mode: HighlyAvailable, Single or Disable')
            [CompletionResult]::new('--node-labels', '--node-labels', [CompletionResultType]::ParameterName, 'Labels of the node group''s nodes (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--node-zones', '--node-zones', [CompletionResultType]::ParameterName, 'Zones of the node group (among `--zones`; default: the cluster''s)')
            [CompletionResult]::new('--max-pods-per-node', '--max-pods-per-node', [CompletionResultType]::ParameterName, 'Most pods a node runs (default: what its instance type''s network interfaces allow)')
            [CompletionResult]::new('--ssh-public-key', '--ssh-public-key', [CompletionResultType]::ParameterName, 'The nodes'' SSH key: a public key file to import, or the name of an EC2 key pair (implies `--ssh-access`)')
            [CompletionResult]::new('--vpc-private-subnets', '--vpc-private-subnets', [CompletionResultType]::ParameterName, 'Subnets of an existing VPC for the cluster''s private side (`subnet-1,subnet-2`)')
            [CompletionResult]::new('--vpc-public-subnets', '--vpc-public-subnets', [CompletionResultType]::ParameterName, 'Subnets of an existing VPC for the cluster''s public side (`subnet-1,subnet-2`)')
            [CompletionResult]::new('--instance-selector-vcpus', '--instance-selector-vcpus', [CompletionResultType]::ParameterName, 'The node group''s instance types chosen by EC2: this many vCPUs (`instanceSelector.vCPUs`)')
            [CompletionResult]::new('--instance-selector-memory', '--instance-selector-memory', [CompletionResultType]::ParameterName, '... this much memory: GiB (`4`) or with a unit (`4GiB`, `512MiB`)')
            [CompletionResult]::new('--instance-selector-cpu-architecture', '--instance-selector-cpu-architecture', [CompletionResultType]::ParameterName, '... this CPU architecture: `x86_64` or `arm64`')
            [CompletionResult]::new('--instance-selector-gpus', '--instance-selector-gpus', [CompletionResultType]::ParameterName, '... this many GPUs (`0`: none)')
            [CompletionResult]::new('--instance-selector-neuron-devices', '--instance-selector-neuron-devices', [CompletionResultType]::ParameterName, '... this many AWS Neuron devices (`0`: none)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output: the plan tree (table), the plan as JSON, the defaulted config as YAML, or the plan graph for Mermaid or Graphviz; with a real run, `json` writes one event per line on stdout')
            [CompletionResult]::new('--timeline', '--timeline', [CompletionResultType]::ParameterName, 'Write an SVG timeline of the run to this file: every step from start to end, its waiting time and the critical path')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('--parallelism', '--parallelism', [CompletionResultType]::ParameterName, 'How many steps may work at once (a step that waits for AWS between polls does not count)')
            [CompletionResult]::new('--wait-nodes', '--wait-nodes', [CompletionResultType]::ParameterName, 'Wait until every node group''s nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)')
            [CompletionResult]::new('--write-kubeconfig', '--write-kubeconfig', [CompletionResultType]::ParameterName, 'Write the kubeconfig once the control plane is active')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--set-kubeconfig-context', '--set-kubeconfig-context', [CompletionResultType]::ParameterName, 'Make the new context the current one')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--with-oidc', '--with-oidc', [CompletionResultType]::ParameterName, 'Create an IAM OIDC provider for the cluster')
            [CompletionResult]::new('--without-nodegroup', '--without-nodegroup', [CompletionResultType]::ParameterName, 'Create the cluster without a node group')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Put nodes in private subnets')
            [CompletionResult]::new('--node-private-networking', '--node-private-networking', [CompletionResultType]::ParameterName, 'Put nodes in private subnets')
            [CompletionResult]::new('--spot', '--spot', [CompletionResultType]::ParameterName, 'Spot instances for the managed node group')
            [CompletionResult]::new('--fargate', '--fargate', [CompletionResultType]::ParameterName, 'Add a Fargate profile `fp-default` for the `default` and `kube-system` namespaces')
            [CompletionResult]::new('--ssh-access', '--ssh-access', [CompletionResultType]::ParameterName, 'Allow SSH to the nodes (with `~/.ssh/id_rsa.pub` unless `--ssh-public-key` says otherwise)')
            [CompletionResult]::new('--enable-auto-mode', '--enable-auto-mode', [CompletionResultType]::ParameterName, 'EKS Auto Mode: EKS runs the nodes (no node group is made)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--skip-preflight', '--skip-preflight', [CompletionResultType]::ParameterName, 'Create without the checks made before the first change (quotas, zones, permissions, names taken, CIDR overlaps)')
            [CompletionResult]::new('--rollback', '--rollback', [CompletionResultType]::ParameterName, 'On failure, delete what this run created')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'On a cluster that exists, also delete its node groups, add-ons and Fargate profiles that are no longer in the config (the `-` of `--dry-run`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;nodegroup' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster (when not given by the file)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only node groups matching these names or globs')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip node groups matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('--wait-nodes', '--wait-nodes', [CompletionResultType]::ParameterName, 'Wait until the node groups'' nodes are Ready in Kubernetes (`--wait-nodes=false` skips it)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;iamserviceaccount' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The service account')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Its namespace (made if missing) [default: default]')
            [CompletionResult]::new('--attach-policy-arn', '--attach-policy-arn', [CompletionResultType]::ParameterName, 'Managed policies of the role eksup makes (repeatable)')
            [CompletionResult]::new('--attach-role-arn', '--attach-role-arn', [CompletionResultType]::ParameterName, 'A role of yours for the service account, instead of one eksup makes')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The name of the role eksup makes (default: `eksup-<cluster>-sa-<namespace>-<name>`)')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'Permissions boundary of the role eksup makes')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags of the role (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--subject-pattern', '--subject-pattern', [CompletionResultType]::ParameterName, 'A pattern (`*`, `?`) of service account names the role trusts, instead of `--name` alone')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--role-only', '--role-only', [CompletionResultType]::ParameterName, 'Make only the role, not the Kubernetes service account')
            [CompletionResult]::new('--override-existing-serviceaccounts', '--override-existing-serviceaccounts', [CompletionResultType]::ParameterName, 'Accepted for eksctl''s command lines: eksup always adds the role to a service account that exists')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted for eksctl''s command lines: eksup creates unless `--dry-run`')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;podidentityassociation' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The service account''s namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'The service account')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'A role of yours (trusted by `pods.eks.amazonaws.com`), instead of one eksup makes')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The name of the role eksup makes')
            [CompletionResult]::new('--permission-boundary-arn', '--permission-boundary-arn', [CompletionResultType]::ParameterName, 'Permissions boundary of the role eksup makes')
            [CompletionResult]::new('--permission-policy-arns', '--permission-policy-arns', [CompletionResultType]::ParameterName, 'Managed policies of the role eksup makes (`arn1,arn2`)')
            [CompletionResult]::new('--well-known-policies', '--well-known-policies', [CompletionResultType]::ParameterName, 'eksctl''s ready-made policies of the role eksup makes (`autoScaler,externalDNS`)')
            [CompletionResult]::new('--target-role-arn', '--target-role-arn', [CompletionResultType]::ParameterName, 'A role (in any account) the association''s role assumes in turn')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'A session policy (JSON) narrowing the role''s permissions (needs `--disable-session-tags`)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags of the association and of the role eksup makes (`k1=v1,k2=v2`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--disable-session-tags', '--disable-session-tags', [CompletionResultType]::ParameterName, 'Leave out the session tags EKS Pod Identity adds')
            [CompletionResult]::new('--create-service-account', '--create-service-account', [CompletionResultType]::ParameterName, 'Make the Kubernetes service account too')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;addon' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'A version, or `latest` (default: EKS''s default for the cluster''s Kubernetes version)')
            [CompletionResult]::new('--service-account-role-arn', '--service-account-role-arn', [CompletionResultType]::ParameterName, 'An IAM role of yours for the add-on''s service account')
            [CompletionResult]::new('--attach-policy-arn', '--attach-policy-arn', [CompletionResultType]::ParameterName, 'Managed policies of a role eksup makes for the add-on''s service account (repeatable)')
            [CompletionResult]::new('--namespace-config', '--namespace-config', [CompletionResultType]::ParameterName, 'The namespace EKS installs the add-on in, as `namespace=<name>` (eksctl''s form)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until every add-on made is ACTIVE, CoreDNS and metrics-server too (they turn ACTIVE once nodes run them; without `--wait` the run does not wait for those two), as eksctl''s `--wait`')
            [CompletionResult]::new('--auto-apply-pod-identity-associations', '--auto-apply-pod-identity-associations', [CompletionResultType]::ParameterName, 'Pod identities with the policies AWS recommends for the add-on''s service accounts, in roles eksup makes (the `eks-pod-identity-agent` add-on is made too if missing)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite changes made in the cluster to what the add-on manages (conflicts resolved with `OVERWRITE`), as eksctl''s `--force`')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;fargateprofile' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The profile''s name (default: `fp-` and 8 hex digits of the selector)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace of the pods that run on Fargate')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'The labels those pods must have (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'The labels those pods must have (`k1=v1,k2=v2`)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Tags of the profile (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags of the profile (`k1=v1,k2=v2`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;accessentry' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'The IAM role or user')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '`STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`, ...')
            [CompletionResult]::new('--kubernetes-groups', '--kubernetes-groups', [CompletionResultType]::ParameterName, 'Kubernetes groups of the principal (`g1,g2`)')
            [CompletionResult]::new('--kubernetes-username', '--kubernetes-username', [CompletionResultType]::ParameterName, 'The principal''s Kubernetes user name')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;capability' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The capability''s name, unique in the cluster')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '`ACK` or `KRO` (`ARGOCD` needs a config file)')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'A role of yours trusted by `capabilities.eks.amazonaws.com`, instead of one eksup makes')
            [CompletionResult]::new('--delete-propagation-policy', '--delete-propagation-policy', [CompletionResultType]::ParameterName, 'What happens to the resources it manages when it is deleted (`RETAIN`, the default)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags of the capability and of the role eksup makes (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--attach-policy-arns', '--attach-policy-arns', [CompletionResultType]::ParameterName, 'Managed policies of the role eksup makes (`arn1,arn2`)')
            [CompletionResult]::new('--attach-policy', '--attach-policy', [CompletionResultType]::ParameterName, 'An inline policy document (JSON) of the role eksup makes')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;iamidentitymapping' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The existing cluster')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'The IAM role or user to map')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Its Kubernetes user name')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Its Kubernetes groups (repeatable; `system:masters` is the cluster admin access policy)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'A whole account to map in aws-auth''s `mapAccounts` (12 digits)')
            [CompletionResult]::new('--service-name', '--service-name', [CompletionResultType]::ParameterName, 'A service to give access to a namespace: `emr-containers`')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace of `--service-name`')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;create;repository' {
            [CompletionResult]::new('--image-tag-mutability', '--image-tag-mutability', [CompletionResultType]::ParameterName, 'MUTABLE or IMMUTABLE')
            [CompletionResult]::new('--scan-on-push', '--scan-on-push', [CompletionResultType]::ParameterName, 'Scan images on push')
            [CompletionResult]::new('--encryption', '--encryption', [CompletionResultType]::ParameterName, 'Encryption: AES256 or KMS')
            [CompletionResult]::new('--kms-key', '--kms-key', [CompletionResultType]::ParameterName, 'KMS key for `--encryption KMS`')
            [CompletionResult]::new('--keep-last-images', '--keep-last-images', [CompletionResultType]::ParameterName, 'Keep only the newest N images')
            [CompletionResult]::new('--expire-untagged-after-days', '--expire-untagged-after-days', [CompletionResultType]::ParameterName, 'Expire untagged images after N days')
            [CompletionResult]::new('--pull-accounts', '--pull-accounts', [CompletionResultType]::ParameterName, 'Account ids allowed to pull')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags (`k1=v1,k2=v2`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;create;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster from a config file or from flags')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Create node groups of an existing cluster from a config file')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Create add-ons on an existing cluster, from flags or a config file')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Create Fargate profiles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create access entries on an existing cluster, from flags or a config file')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Create IAM identity mappings on an existing cluster, from flags or a config file')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Create an ECR repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;create;help;cluster' {
            break
        }
        'eksup;create;help;nodegroup' {
            break
        }
        'eksup;create;help;iamserviceaccount' {
            break
        }
        'eksup;create;help;podidentityassociation' {
            break
        }
        'eksup;create;help;addon' {
            break
        }
        'eksup;create;help;fargateprofile' {
            break
        }
        'eksup;create;help;accessentry' {
            break
        }
        'eksup;create;help;capability' {
            break
        }
        'eksup;create;help;iamidentitymapping' {
            break
        }
        'eksup;create;help;repository' {
            break
        }
        'eksup;create;help;help' {
            break
        }
        'eksup;get' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show clusters in a region, or one cluster')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Show the node groups of a cluster')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Show the service accounts of a cluster that take an IAM role (IRSA)')
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Show the labels of a managed node group''s nodes')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Show the pod identity associations of a cluster (EKS Pod Identity)')
            [CompletionResult]::new('identityprovider', 'identityprovider', [CompletionResultType]::ParameterValue, 'Show the OIDC identity providers associated with a cluster')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Show a cluster''s add-ons, whoever installed them')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Show a cluster''s Fargate profiles')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Show a cluster''s access entries and their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Show a cluster''s EKS capabilities, whoever made them')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Show ECR repositories')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Show what eksup left behind: resources tagged for clusters that no longer exist')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;get;cluster' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The cluster (default: all in the region)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The cluster (default: all in the region)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;nodegroup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'One node group (default: all)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'One node group (default: all)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;iamserviceaccount' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Only this namespace''s (with `--name`: default `default`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'One service account')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;labels' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('--nodegroup', '--nodegroup', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;podidentityassociation' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Only this namespace''s')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'One service account (with `--namespace`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;identityprovider' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;addon' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;fargateprofile' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;accessentry' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'Only the entry of this IAM principal')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;iamidentitymapping' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'Only the mappings of this IAM role or user ARN, or of this account id')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;capability' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only the one of this name')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;repository' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;orphans' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;get;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show clusters in a region, or one cluster')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Show the node groups of a cluster')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Show the service accounts of a cluster that take an IAM role (IRSA)')
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Show the labels of a managed node group''s nodes')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Show the pod identity associations of a cluster (EKS Pod Identity)')
            [CompletionResult]::new('identityprovider', 'identityprovider', [CompletionResultType]::ParameterValue, 'Show the OIDC identity providers associated with a cluster')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Show a cluster''s add-ons, whoever installed them')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Show a cluster''s Fargate profiles')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Show a cluster''s access entries and their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Show a cluster''s EKS capabilities, whoever made them')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Show ECR repositories')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Show what eksup left behind: resources tagged for clusters that no longer exist')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;get;help;cluster' {
            break
        }
        'eksup;get;help;nodegroup' {
            break
        }
        'eksup;get;help;iamserviceaccount' {
            break
        }
        'eksup;get;help;labels' {
            break
        }
        'eksup;get;help;podidentityassociation' {
            break
        }
        'eksup;get;help;identityprovider' {
            break
        }
        'eksup;get;help;addon' {
            break
        }
        'eksup;get;help;fargateprofile' {
            break
        }
        'eksup;get;help;accessentry' {
            break
        }
        'eksup;get;help;iamidentitymapping' {
            break
        }
        'eksup;get;help;capability' {
            break
        }
        'eksup;get;help;repository' {
            break
        }
        'eksup;get;help;orphans' {
            break
        }
        'eksup;get;help;help' {
            break
        }
        'eksup;delete' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster and everything eksup created for it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Delete a node group')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete a pod identity association, and its IAM role when eksup made it')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete a cluster''s access entry for an IAM principal (and its access policies)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Delete an ECR repository')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Delete what eksup left behind for a cluster that no longer exists')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;delete;cluster' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The cluster (when no config file is given)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The cluster (when no config file is given)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file to clean (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes one event per line on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes one event per line on stdout')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('--timeline', '--timeline', [CompletionResultType]::ParameterName, 'Write an SVG timeline of the deletion to this file: every step from start to end and its waiting time')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the deletions have started')
            [CompletionResult]::new('--delete-repositories', '--delete-repositories', [CompletionResultType]::ParameterName, 'Also delete the cluster''s ECR repositories and their images')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be deleted, in order, and delete nothing (`-o json` for scripts)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;nodegroup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'n')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'y')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'yes')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'no-wait')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;podidentityassociation' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The service account''s namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'The service account (with `-f` and without it: the file''s `iam.podIdentityAssociations`)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;addon' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file''s `addons`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The add-on (`vpc-cni`, `aws-ebs-csi-driver`, ...; with `-f` and without it: the file''s `addons`)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--preserve', '--preserve', [CompletionResultType]::ParameterName, 'Leave the add-on''s software running on the cluster: EKS only stops managing it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;fargateprofile' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the one to delete (with `-f` and without it: the file''s)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the one to delete (with `-f` and without it: the file''s)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;accessentry' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'The IAM principal of the entry (with `-f` and without it: the file''s `accessConfig.accessEntries`)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;iamidentitymapping' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'The IAM role or user of the mapping')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account of a `mapAccounts` entry (with `-f` and neither: the file''s `iamIdentityMappings`)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;capability' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The name of the one to delete (with `-f` and without it: the file''s)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The name of the one to delete (with `-f` and without it: the file''s)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;iamserviceaccount' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The service account''s namespace (with `--name`) [default: default]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The service account (with `-f` and without it: the file''s `iam.serviceAccounts`)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only the file''s entries matching these names or globs (`namespace/name` for service accounts and pod identity associations, principal ARNs for access entries)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip the file''s entries matching these names or globs')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;repository' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete the repository even if it holds images')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'y')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'yes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;orphans' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster whose resources were left behind (as `get orphans` lists it)')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster whose resources were left behind (as `get orphans` lists it)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes one event per line on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes one event per line on stdout')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;delete;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster and everything eksup created for it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Delete a node group')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete a pod identity association, and its IAM role when eksup made it')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete a cluster''s access entry for an IAM principal (and its access policies)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Delete an ECR repository')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Delete what eksup left behind for a cluster that no longer exists')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;delete;help;cluster' {
            break
        }
        'eksup;delete;help;nodegroup' {
            break
        }
        'eksup;delete;help;podidentityassociation' {
            break
        }
        'eksup;delete;help;addon' {
            break
        }
        'eksup;delete;help;fargateprofile' {
            break
        }
        'eksup;delete;help;accessentry' {
            break
        }
        'eksup;delete;help;iamidentitymapping' {
            break
        }
        'eksup;delete;help;capability' {
            break
        }
        'eksup;delete;help;iamserviceaccount' {
            break
        }
        'eksup;delete;help;repository' {
            break
        }
        'eksup;delete;help;orphans' {
            break
        }
        'eksup;delete;help;help' {
            break
        }
        'eksup;scale' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Change desired, min and max of a node group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;scale;nodegroup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'n')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('-N', '-N ', [CompletionResultType]::ParameterName, 'N')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'nodes')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'm')
            [CompletionResult]::new('--nodes-min', '--nodes-min', [CompletionResultType]::ParameterName, 'nodes-min')
            [CompletionResult]::new('-M', '-M ', [CompletionResultType]::ParameterName, 'M')
            [CompletionResult]::new('--nodes-max', '--nodes-max', [CompletionResultType]::ParameterName, 'nodes-max')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;scale;help' {
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Change desired, min and max of a node group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;scale;help;nodegroup' {
            break
        }
        'eksup;scale;help;help' {
            break
        }
        'eksup;set' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;set;labels' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('--nodegroup', '--nodegroup', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Labels to add or change (`k1=v1,k2=v2`)')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Labels to add or change (`k1=v1,k2=v2`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;set;help' {
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;set;help;labels' {
            break
        }
        'eksup;set;help;help' {
            break
        }
        'eksup;unset' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;unset;labels' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The cluster config file naming the cluster and its region (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('--nodegroup', '--nodegroup', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label keys to remove (`k1,k2`)')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Label keys to remove (`k1,k2`)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;unset;help' {
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;unset;help;labels' {
            break
        }
        'eksup;unset;help;help' {
            break
        }
        'eksup;drain' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;drain;nodegroup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The node group to drain')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The node group to drain')
            [CompletionResult]::new('--max-grace-period', '--max-grace-period', [CompletionResultType]::ParameterName, 'The longest termination grace period given to a pod (its own, when shorter)')
            [CompletionResult]::new('--pod-eviction-wait-period', '--pod-eviction-wait-period', [CompletionResultType]::ParameterName, 'How long to wait before asking again for an eviction a PodDisruptionBudget refused')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many nodes to drain at once (1 to 25)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was done as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was done as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Drain (or uncordon); without it only the plan is shown')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Uncordon the node group: its nodes take pods again')
            [CompletionResult]::new('--disable-eviction', '--disable-eviction', [CompletionResultType]::ParameterName, 'Delete pods instead of evicting them: PodDisruptionBudgets are not asked (use with care)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;drain;help' {
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;drain;help;nodegroup' {
            break
        }
        'eksup;drain;help;help' {
            break
        }
        'eksup;update' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Change an add-on''s version, configuration values or service account role, and wait')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;update;addon' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The add-on (`vpc-cni`, `coredns`, ...)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The add-on (`vpc-cni`, `coredns`, ...)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'A version, `latest` or `default` (EKS''s default for the cluster''s Kubernetes version)')
            [CompletionResult]::new('--configuration-values', '--configuration-values', [CompletionResultType]::ParameterName, 'The add-on''s configuration values (JSON or YAML, as EKS takes them)')
            [CompletionResult]::new('--service-account-role-arn', '--service-account-role-arn', [CompletionResultType]::ParameterName, 'The IAM role of the add-on''s service account')
            [CompletionResult]::new('--resolve-conflicts', '--resolve-conflicts', [CompletionResultType]::ParameterName, 'What EKS does with fields changed in the cluster: `overwrite`, `preserve` or `none`')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was changed as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was changed as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite fields changed in the cluster (`--resolve-conflicts overwrite`), as eksctl''s `--force`')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;update;help' {
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Change an add-on''s version, configuration values or service account role, and wait')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;update;help;addon' {
            break
        }
        'eksup;update;help;help' {
            break
        }
        'eksup;upgrade' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Upgrade the control plane one minor version, then the add-ons to versions that run on it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;upgrade;cluster' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Cluster config file (`-` for standard input)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The cluster (when no config file is given)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The cluster (when no config file is given)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The version to reach: the next minor one (the default) or the current one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Go on although EKS''s upgrade insights report errors')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Apply the change; without it only the change is shown')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;upgrade;nodegroup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The node group')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The node group')
            [CompletionResult]::new('--kubernetes-version', '--kubernetes-version', [CompletionResultType]::ParameterName, 'The Kubernetes version (default: the control plane''s)')
            [CompletionResult]::new('--release-version', '--release-version', [CompletionResultType]::ParameterName, 'The AMI release version of a managed group (default: the newest for the Kubernetes version)')
            [CompletionResult]::new('--launch-template-version', '--launch-template-version', [CompletionResultType]::ParameterName, 'A new version of a managed group''s launch template')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the update and for the nodes to be Ready at the new version (`--wait=false` returns once it has started)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was done as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was done as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--force-upgrade', '--force-upgrade', [CompletionResultType]::ParameterName, 'Replace nodes even where a PodDisruptionBudget refuses their pods'' eviction')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;upgrade;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Upgrade the control plane one minor version, then the add-ons to versions that run on it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;upgrade;help;cluster' {
            break
        }
        'eksup;upgrade;help;nodegroup' {
            break
        }
        'eksup;upgrade;help;help' {
            break
        }
        'eksup;utils' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('write-kubeconfig', 'write-kubeconfig', [CompletionResultType]::ParameterValue, 'Write or refresh a cluster''s kubeconfig entries')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the cluster config, for editors')
            [CompletionResult]::new('man-pages', 'man-pages', [CompletionResultType]::ParameterValue, 'Write a man page per command (roff) into a directory')
            [CompletionResult]::new('update-cluster-logging', 'update-cluster-logging', [CompletionResultType]::ParameterValue, 'Turn control-plane log types on or off (CloudWatch)')
            [CompletionResult]::new('update-cluster-vpc-config', 'update-cluster-vpc-config', [CompletionResultType]::ParameterValue, 'Change the API server''s endpoint access: public, private, and the CIDRs allowed')
            [CompletionResult]::new('update-authentication-mode', 'update-authentication-mode', [CompletionResultType]::ParameterValue, 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)')
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles')
            [CompletionResult]::new('nodegroup-health', 'nodegroup-health', [CompletionResultType]::ParameterValue, 'Show the health issues EKS reports for a managed node group')
            [CompletionResult]::new('describe-addon-versions', 'describe-addon-versions', [CompletionResultType]::ParameterValue, 'Show the add-on versions EKS offers for a Kubernetes version')
            [CompletionResult]::new('describe-cluster-versions', 'describe-cluster-versions', [CompletionResultType]::ParameterValue, 'Show the Kubernetes versions EKS offers, with their support dates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;utils;write-kubeconfig' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The cluster')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'Name of the context (and of its cluster and user entries)')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Role the token assumes')
            [CompletionResult]::new('--authenticator', '--authenticator', [CompletionResultType]::ParameterName, 'Credential helper the kubeconfig runs')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--set-context', '--set-context', [CompletionResultType]::ParameterName, 'Make the context current (default)')
            [CompletionResult]::new('--no-set-context', '--no-set-context', [CompletionResultType]::ParameterName, 'Leave the current context as it is')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;utils;schema' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;man-pages' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Directory to write the pages into (created if needed)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;update-cluster-logging' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('--enable-types', '--enable-types', [CompletionResultType]::ParameterName, 'Log types to turn on: `all`, or some of api, audit, authenticator, controllerManager, scheduler')
            [CompletionResult]::new('--disable-types', '--disable-types', [CompletionResultType]::ParameterName, 'Log types to turn off (same names)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Apply the change; without it only the change is shown')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;update-cluster-vpc-config' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('--private-access', '--private-access', [CompletionResultType]::ParameterName, 'The API server''s private endpoint (reached from inside the VPC)')
            [CompletionResult]::new('--public-access', '--public-access', [CompletionResultType]::ParameterName, 'The API server''s public endpoint')
            [CompletionResult]::new('--public-access-cidrs', '--public-access-cidrs', [CompletionResultType]::ParameterName, 'The CIDRs that may reach the public endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Apply the change; without it only the change is shown')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;update-authentication-mode' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('--authentication-mode', '--authentication-mode', [CompletionResultType]::ParameterName, '`API_AND_CONFIG_MAP` or `API`')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. `40m`, `1h`)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) changed as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Apply the change; without it only the change is shown')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;associate-iam-oidc-provider' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) done as one object on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, '`json` writes what was (or would be) done as one object on stdout')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Create it; without it only the plan is shown')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;nodegroup-health' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'c')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The managed node group')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;describe-addon-versions' {
            [CompletionResult]::new('--kubernetes-version', '--kubernetes-version', [CompletionResultType]::ParameterName, 'The Kubernetes version (default: the version of `--cluster`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Take the Kubernetes version of this cluster')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Take the Kubernetes version of this cluster')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'One add-on (default: all)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'One add-on (default: all)')
            [CompletionResult]::new('--types', '--types', [CompletionResultType]::ParameterName, 'Only add-ons of these types, e.g. `networking,storage` (repeatable)')
            [CompletionResult]::new('--owners', '--owners', [CompletionResultType]::ParameterName, 'Only add-ons of these owners: `aws`, `aws-marketplace`, `community` (repeatable)')
            [CompletionResult]::new('--publishers', '--publishers', [CompletionResultType]::ParameterName, 'Only add-ons of these publishers, e.g. `eks` (repeatable)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;describe-cluster-versions' {
            [CompletionResult]::new('--version-status', '--version-status', [CompletionResultType]::ParameterName, 'Only versions in this support status: `STANDARD_SUPPORT`, `EXTENDED_SUPPORT` or `UNSUPPORTED`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--default-only', '--default-only', [CompletionResultType]::ParameterName, 'Only the version EKS creates when none is asked for')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;utils;help' {
            [CompletionResult]::new('write-kubeconfig', 'write-kubeconfig', [CompletionResultType]::ParameterValue, 'Write or refresh a cluster''s kubeconfig entries')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the cluster config, for editors')
            [CompletionResult]::new('man-pages', 'man-pages', [CompletionResultType]::ParameterValue, 'Write a man page per command (roff) into a directory')
            [CompletionResult]::new('update-cluster-logging', 'update-cluster-logging', [CompletionResultType]::ParameterValue, 'Turn control-plane log types on or off (CloudWatch)')
            [CompletionResult]::new('update-cluster-vpc-config', 'update-cluster-vpc-config', [CompletionResultType]::ParameterValue, 'Change the API server''s endpoint access: public, private, and the CIDRs allowed')
            [CompletionResult]::new('update-authentication-mode', 'update-authentication-mode', [CompletionResultType]::ParameterValue, 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)')
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles')
            [CompletionResult]::new('nodegroup-health', 'nodegroup-health', [CompletionResultType]::ParameterValue, 'Show the health issues EKS reports for a managed node group')
            [CompletionResult]::new('describe-addon-versions', 'describe-addon-versions', [CompletionResultType]::ParameterValue, 'Show the add-on versions EKS offers for a Kubernetes version')
            [CompletionResult]::new('describe-cluster-versions', 'describe-cluster-versions', [CompletionResultType]::ParameterValue, 'Show the Kubernetes versions EKS offers, with their support dates')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;utils;help;write-kubeconfig' {
            break
        }
        'eksup;utils;help;schema' {
            break
        }
        'eksup;utils;help;man-pages' {
            break
        }
        'eksup;utils;help;update-cluster-logging' {
            break
        }
        'eksup;utils;help;update-cluster-vpc-config' {
            break
        }
        'eksup;utils;help;update-authentication-mode' {
            break
        }
        'eksup;utils;help;associate-iam-oidc-provider' {
            break
        }
        'eksup;utils;help;nodegroup-health' {
            break
        }
        'eksup;utils;help;describe-addon-versions' {
            break
        }
        'eksup;utils;help;describe-cluster-versions' {
            break
        }
        'eksup;utils;help;help' {
            break
        }
        'eksup;set-context' {
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Namespace of the context')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'Name of the context (and of its cluster and user entries)')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Role the token assumes')
            [CompletionResult]::new('--authenticator', '--authenticator', [CompletionResultType]::ParameterName, 'Credential helper the kubeconfig runs')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'eksup;get-token' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The cluster the token is for')
            [CompletionResult]::new('--cluster-name', '--cluster-name', [CompletionResultType]::ParameterName, 'The cluster the token is for')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Role to assume before signing')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Do not read or write the token cache')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;ecr' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log Docker in to the account''s registry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;ecr;login' {
            [CompletionResult]::new('--docker-config', '--docker-config', [CompletionResultType]::ParameterName, 'Docker config file (default: $DOCKER_CONFIG/config.json, then ~/.docker/config.json)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Print the password on stdout for `docker login --password-stdin` instead of writing Docker''s config.json')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;ecr;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log Docker in to the account''s registry')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;ecr;help;login' {
            break
        }
        'eksup;ecr;help;help' {
            break
        }
        'eksup;init' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'File to write')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'File to write')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--k8s-version', '--k8s-version', [CompletionResultType]::ParameterName, 'k8s-version')
            [CompletionResult]::new('--node-kind', '--node-kind', [CompletionResultType]::ParameterName, 'managed, self-managed, fargate or mixed')
            [CompletionResult]::new('--instance-type', '--instance-type', [CompletionResultType]::ParameterName, 'instance-type')
            [CompletionResult]::new('--nodes-min', '--nodes-min', [CompletionResultType]::ParameterName, 'nodes-min')
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'nodes')
            [CompletionResult]::new('--nodes-max', '--nodes-max', [CompletionResultType]::ParameterName, 'nodes-max')
            [CompletionResult]::new('--private-networking', '--private-networking', [CompletionResultType]::ParameterName, 'private-networking')
            [CompletionResult]::new('--nat', '--nat', [CompletionResultType]::ParameterName, 'nat')
            [CompletionResult]::new('--repositories', '--repositories', [CompletionResultType]::ParameterName, 'ECR repositories to declare')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never ask: use flags and defaults')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite the file if it exists')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create the cluster after writing the file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;completion' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;version' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'o')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'output')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: the config file, then AWS_REGION and the AWS profile)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile from the shared config files')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured with `auto`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'eksup;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a cluster, node group or repository')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show clusters, node groups or repositories')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a cluster, node group or repository')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Change the size of a node group')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add or change labels of a managed node group''s nodes')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove labels of a managed node group''s nodes')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Cordon a node group''s nodes and evict their pods (or `--undo`)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update an add-on in place')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Move a control plane or a managed node group to a newer Kubernetes version')
            [CompletionResult]::new('utils', 'utils', [CompletionResultType]::ParameterValue, 'Utilities: kubeconfig, schema, cluster settings and what EKS offers')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Write a cluster''s kubeconfig entries and make its context current')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print an ExecCredential with a bearer token for a cluster (kubectl exec plugin)')
            [CompletionResult]::new('ecr', 'ecr', [CompletionResultType]::ParameterValue, 'Amazon ECR helpers')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented cluster YAML, asking questions on a terminal')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksup;help;create' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster from a config file or from flags')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Create node groups of an existing cluster from a config file')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create service accounts and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create EKS Pod Identity associations and their IAM roles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Create add-ons on an existing cluster, from flags or a config file')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Create Fargate profiles on an existing cluster, from flags or a config file')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create access entries on an existing cluster, from flags or a config file')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Create the config file''s EKS capabilities (ACK, kro, Argo CD) on its existing cluster')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Create IAM identity mappings on an existing cluster, from flags or a config file')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Create an ECR repository')
            break
        }
        'eksup;help;create;cluster' {
            break
        }
        'eksup;help;create;nodegroup' {
            break
        }
        'eksup;help;create;iamserviceaccount' {
            break
        }
        'eksup;help;create;podidentityassociation' {
            break
        }
        'eksup;help;create;addon' {
            break
        }
        'eksup;help;create;fargateprofile' {
            break
        }
        'eksup;help;create;accessentry' {
            break
        }
        'eksup;help;create;capability' {
            break
        }
        'eksup;help;create;iamidentitymapping' {
            break
        }
        'eksup;help;create;repository' {
            break
        }
        'eksup;help;get' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show clusters in a region, or one cluster')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Show the node groups of a cluster')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Show the service accounts of a cluster that take an IAM role (IRSA)')
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Show the labels of a managed node group''s nodes')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Show the pod identity associations of a cluster (EKS Pod Identity)')
            [CompletionResult]::new('identityprovider', 'identityprovider', [CompletionResultType]::ParameterValue, 'Show the OIDC identity providers associated with a cluster')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Show a cluster''s add-ons, whoever installed them')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Show a cluster''s Fargate profiles')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Show a cluster''s access entries and their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Show a cluster''s identity mappings: its access entries and the aws-auth ConfigMap''s entries (roles, users, accounts)')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Show a cluster''s EKS capabilities, whoever made them')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Show ECR repositories')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Show what eksup left behind: resources tagged for clusters that no longer exist')
            break
        }
        'eksup;help;get;cluster' {
            break
        }
        'eksup;help;get;nodegroup' {
            break
        }
        'eksup;help;get;iamserviceaccount' {
            break
        }
        'eksup;help;get;labels' {
            break
        }
        'eksup;help;get;podidentityassociation' {
            break
        }
        'eksup;help;get;identityprovider' {
            break
        }
        'eksup;help;get;addon' {
            break
        }
        'eksup;help;get;fargateprofile' {
            break
        }
        'eksup;help;get;accessentry' {
            break
        }
        'eksup;help;get;iamidentitymapping' {
            break
        }
        'eksup;help;get;capability' {
            break
        }
        'eksup;help;get;repository' {
            break
        }
        'eksup;help;get;orphans' {
            break
        }
        'eksup;help;delete' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster and everything eksup created for it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Delete a node group')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete a pod identity association, and its IAM role when eksup made it')
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Delete an add-on of a cluster, whoever installed it, and wait until it is gone')
            [CompletionResult]::new('fargateprofile', 'fargateprofile', [CompletionResultType]::ParameterValue, 'Delete a Fargate profile of a cluster and wait until it is gone (its pods are stopped)')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete a cluster''s access entry for an IAM principal (and its access policies)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Delete a cluster''s identity mapping: the access entry of an IAM role or user and its entries in the aws-auth ConfigMap, or an account''s `mapAccounts` entry')
            [CompletionResult]::new('capability', 'capability', [CompletionResultType]::ParameterValue, 'Delete an EKS capability, whoever made it, and wait until it is gone; its IAM role too when eksup made it')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete a service account''s IAM role and the Kubernetes ServiceAccount, each when eksup made it')
            [CompletionResult]::new('repository', 'repository', [CompletionResultType]::ParameterValue, 'Delete an ECR repository')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'Delete what eksup left behind for a cluster that no longer exists')
            break
        }
        'eksup;help;delete;cluster' {
            break
        }
        'eksup;help;delete;nodegroup' {
            break
        }
        'eksup;help;delete;podidentityassociation' {
            break
        }
        'eksup;help;delete;addon' {
            break
        }
        'eksup;help;delete;fargateprofile' {
            break
        }
        'eksup;help;delete;accessentry' {
            break
        }
        'eksup;help;delete;iamidentitymapping' {
            break
        }
        'eksup;help;delete;capability' {
            break
        }
        'eksup;help;delete;iamserviceaccount' {
            break
        }
        'eksup;help;delete;repository' {
            break
        }
        'eksup;help;delete;orphans' {
            break
        }
        'eksup;help;scale' {
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Change desired, min and max of a node group')
            break
        }
        'eksup;help;scale;nodegroup' {
            break
        }
        'eksup;help;set' {
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Add or change labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            break
        }
        'eksup;help;set;labels' {
            break
        }
        'eksup;help;unset' {
            [CompletionResult]::new('labels', 'labels', [CompletionResultType]::ParameterValue, 'Remove labels of a managed node group''s nodes (UpdateNodegroupConfig)')
            break
        }
        'eksup;help;unset;labels' {
            break
        }
        'eksup;help;drain' {
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Cordon the nodes of a node group and evict their pods, respecting PodDisruptionBudgets')
            break
        }
        'eksup;help;drain;nodegroup' {
            break
        }
        'eksup;help;update' {
            [CompletionResult]::new('addon', 'addon', [CompletionResultType]::ParameterValue, 'Change an add-on''s version, configuration values or service account role, and wait')
            break
        }
        'eksup;help;update;addon' {
            break
        }
        'eksup;help;upgrade' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Upgrade the control plane one minor version, then the add-ons to versions that run on it')
            [CompletionResult]::new('nodegroup', 'nodegroup', [CompletionResultType]::ParameterValue, 'Roll a node group onto a new Kubernetes version (managed: also an AMI release or launch template version)')
            break
        }
        'eksup;help;upgrade;cluster' {
            break
        }
        'eksup;help;upgrade;nodegroup' {
            break
        }
        'eksup;help;utils' {
            [CompletionResult]::new('write-kubeconfig', 'write-kubeconfig', [CompletionResultType]::ParameterValue, 'Write or refresh a cluster''s kubeconfig entries')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the cluster config, for editors')
            [CompletionResult]::new('man-pages', 'man-pages', [CompletionResultType]::ParameterValue, 'Write a man page per command (roff) into a directory')
            [CompletionResult]::new('update-cluster-logging', 'update-cluster-logging', [CompletionResultType]::ParameterValue, 'Turn control-plane log types on or off (CloudWatch)')
            [CompletionResult]::new('update-cluster-vpc-config', 'update-cluster-vpc-config', [CompletionResultType]::ParameterValue, 'Change the API server''s endpoint access: public, private, and the CIDRs allowed')
            [CompletionResult]::new('update-authentication-mode', 'update-authentication-mode', [CompletionResultType]::ParameterValue, 'Move the cluster''s authentication mode towards access entries (`API_AND_CONFIG_MAP`, `API`)')
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Create the IAM OIDC provider that lets the cluster''s service accounts take IAM roles')
            [CompletionResult]::new('nodegroup-health', 'nodegroup-health', [CompletionResultType]::ParameterValue, 'Show the health issues EKS reports for a managed node group')
            [CompletionResult]::new('describe-addon-versions', 'describe-addon-versions', [CompletionResultType]::ParameterValue, 'Show the add-on versions EKS offers for a Kubernetes version')
            [CompletionResult]::new('describe-cluster-versions', 'describe-cluster-versions', [CompletionResultType]::ParameterValue, 'Show the Kubernetes versions EKS offers, with their support dates')
            break
        }
        'eksup;help;utils;write-kubeconfig' {
            break
        }
        'eksup;help;utils;schema' {
            break
        }
        'eksup;help;utils;man-pages' {
            break
        }
        'eksup;help;utils;update-cluster-logging' {
            break
        }
        'eksup;help;utils;update-cluster-vpc-config' {
            break
        }
        'eksup;help;utils;update-authentication-mode' {
            break
        }
        'eksup;help;utils;associate-iam-oidc-provider' {
            break
        }
        'eksup;help;utils;nodegroup-health' {
            break
        }
        'eksup;help;utils;describe-addon-versions' {
            break
        }
        'eksup;help;utils;describe-cluster-versions' {
            break
        }
        'eksup;help;set-context' {
            break
        }
        'eksup;help;get-token' {
            break
        }
        'eksup;help;ecr' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log Docker in to the account''s registry')
            break
        }
        'eksup;help;ecr;login' {
            break
        }
        'eksup;help;init' {
            break
        }
        'eksup;help;completion' {
            break
        }
        'eksup;help;version' {
            break
        }
        'eksup;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
