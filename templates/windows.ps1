<powershell>
[string]$EKSBootstrapScriptFile = "$env:ProgramFiles\Amazon\EKS\Start-EKSBootstrap.ps1"
{{pre_bootstrap_commands}}{{bootstrap_command}}
</powershell>
