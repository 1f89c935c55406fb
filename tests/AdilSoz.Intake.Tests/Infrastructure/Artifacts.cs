namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>Where test runs keep screenshots, figures and logs: <c>artifacts/</c> at the repository root.</summary>
public static class Artifacts
{
    /// <summary>The folder holding AdilSoz.Intake.sln, found upwards from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder(string name)
    {
        var path = Path.Combine(RepoRoot, "artifacts", name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdilSoz.Intake.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AdilSoz.Intake.sln not found above " + AppContext.BaseDirectory);
    }
}
