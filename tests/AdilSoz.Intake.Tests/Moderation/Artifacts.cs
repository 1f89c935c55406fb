namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>Where test runs keep screenshots and figures: <c>artifacts/</c> at the repository root.</summary>
public static class Artifacts
{
    public static string Folder(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdilSoz.Intake.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(path);
        return path;
    }
}
