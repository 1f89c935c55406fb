using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class MailImportSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adilsoz-import-").FullName;

    private static IEnumerable<CorpusCase> Readable => CorpusMessages.All.Where(c => !c.Error);

    [Fact]
    public void An_mbox_yields_every_message_with_its_content()
    {
        var path = Path.Combine(_dir, "archive.mbox");
        CorpusFiles.WriteMbox(path);

        var imported = MailImportSource.Enumerate(path).ToList();

        Assert.Equal(Readable.Count(), imported.Count);
        Assert.Equal(Readable.Select(c => c.Subject), imported.Select(m => MailParser.Parse(m.Raw).Subject));
        Assert.Equal("archive.mbox#1", imported[0].Source);
        var attachments = MailParser.Parse(imported.Single(m => MailParser.Parse(m.Raw).Subject == "Постановление суда по иску к газете").Raw);
        Assert.Equal(4, attachments.Attachments.Count);
        Assert.Equal(CorpusMessages.CourtPdf, attachments.Attachments[1].Content);
    }

    [Fact]
    public void A_folder_of_eml_files_yields_them_in_name_order_including_subfolders()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "2026"));
        File.WriteAllBytes(Path.Combine(_dir, "b.eml"), CorpusMessages.Get("Kazakh UTF-8 base64").Raw);
        File.WriteAllBytes(Path.Combine(_dir, "2026", "a.eml"), CorpusMessages.Get("report without Message-ID").Raw);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not mail");

        var imported = MailImportSource.Enumerate(_dir).ToList();

        Assert.Equal([Path.Combine("2026", "a.eml"), "b.eml"], imported.Select(m => m.Source));
        Assert.Equal(CorpusMessages.Get("Kazakh UTF-8 base64").Raw, imported[1].Raw);
    }

    [Fact]
    public void A_missing_path_says_so()
    {
        Assert.Throws<FileNotFoundException>(() => MailImportSource.Enumerate(Path.Combine(_dir, "nothing.mbox")).ToList());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
