using System.Text;
using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>A file's type is judged by its first bytes: the name only picks among formats that share one container.</summary>
public sealed class FileTypesTests
{
    public static TheoryData<string, string, string?> Files => new()
    {
        { "FFD8FFE000104A464946", "photo.jpg", "image/jpeg" },
        { "FFD8FFE000104A464946", "photo.exe", "image/jpeg" },
        { "89504E470D0A1A0A0000", "shot.png", "image/png" },
        { "474946383961", "anim.gif", "image/gif" },
        { "524946460000000057454250", "pic.webp", "image/webp" },
        { "0000001C6674797068656963", "IMG_0001.HEIC", "image/heic" },
        { "00000018667479706D703432", "clip.mp4", "video/mp4" },
        { "255044462D312E37", "ruling.pdf", "application/pdf" },
        { "255044462D312E37", "ruling.txt", "application/pdf" },
        { "4F67675300", "voice.ogg", "audio/ogg" },
        { "494433", "call.mp3", "audio/mpeg" },
        { "504B0304", "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "D0CF11E0A1B11AE1", "old.doc", "application/msword" },
        // A program, a script, an archive, a page: refused whatever the name says.
        { "4D5A90000300000004000000", "ruling.pdf", null },
        { "7F454C46020101", "photo.jpg", null },
        { "23212F62696E2F7368", "notes.txt", null },
        { "504B0304", "evidence.zip", null },
        { "504B0304", "ruling.pdf", null },
        { "D0CF11E0A1B11AE1", "macro.exe", null },
        { "3C68746D6C3E", "page.html", null },
        { "", "empty.txt", null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_is_taken_as_its_content_says(string headHex, string name, string? expected) =>
        Assert.Equal(expected, FileTypes.Detect(Convert.FromHexString(headHex), name));

    [Fact]
    public void Plain_text_is_taken_only_when_named_txt_and_clean_utf8()
    {
        Assert.Equal("text/plain", FileTypes.Detect(Encoding.UTF8.GetBytes("Полиция задержала\r\nредактора"), "notes.txt"));
        Assert.Null(FileTypes.Detect(Encoding.UTF8.GetBytes("Полиция задержала"), "notes.html"));
        Assert.Null(FileTypes.Detect([0x41, 0x00, 0x42], "notes.txt"));
        Assert.Null(FileTypes.Detect([0xC3, 0x28], "notes.txt"));
    }
}
