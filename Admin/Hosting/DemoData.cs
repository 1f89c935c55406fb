namespace AdilSoz.Intake.Admin.Hosting;

/// <summary>Loads the events of the foundation's February 2021 report as demo submissions and incidents.</summary>
public static class DemoData
{
    public static Task<int> LoadAsync(IServiceProvider services)
    {
        _ = services;
        Console.Error.WriteLine("demo: the demo data set is not available yet.");
        return Task.FromResult(2);
    }
}
