namespace AdilSoz.Intake.Core.Data;

/// <summary>The <c>ConnectionStrings:Intake</c> setting, shared by every process.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Intake";

    public string ConnectionString { get; set; } = "";
}
