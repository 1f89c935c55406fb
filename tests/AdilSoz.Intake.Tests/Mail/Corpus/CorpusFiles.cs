using System.Text;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>The corpus written to disk, for tests of <c>Worker import</c> and the mailbox watcher.</summary>
public static class CorpusFiles
{
    /// <summary>Writes each readable corpus message as NN.eml into <paramref name="folder"/>; returns the cases in file order.</summary>
    public static IReadOnlyList<CorpusCase> WriteEmlFolder(string folder, bool includeBroken = false)
    {
        Directory.CreateDirectory(folder);
        var cases = CorpusMessages.All.Where(c => includeBroken || !c.Error).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{i + 1:00}.eml"), cases[i].Raw);
        }

        return cases;
    }

    /// <summary>Writes the readable corpus messages into one mbox file (LF line ends, "From " separators).</summary>
    public static IReadOnlyList<CorpusCase> WriteMbox(string path)
    {
        var cases = CorpusMessages.All.Where(c => !c.Error).ToList();
        using var file = File.Create(path);
        foreach (var c in cases)
        {
            file.Write("From MAILER-DAEMON Thu Nov 26 12:00:00 2026\n"u8);
            file.Write(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(c.Raw).Replace("\r\n", "\n")));
            file.Write("\n"u8);
        }

        return cases;
    }
}
