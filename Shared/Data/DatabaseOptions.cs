using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Data;

/// <summary>The <c>ConnectionStrings:Intake</c> setting, shared by every process.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Intake";

    /// <summary>The local default that <c>./run.sh</c> provisions when no connection string is given.</summary>
    public const string LocalDefault = "Host=127.0.0.1;Port=5432;Database=adilsoz;Username=adilsoz;Password=adilsoz-local";

    [Required]
    public string ConnectionString { get; set; } = "";
}
