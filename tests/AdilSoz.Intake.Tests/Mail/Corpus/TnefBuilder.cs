using System.Text;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>
/// Writes a minimal Outlook winmail.dat (MS-OXTNEF) holding files, as Outlook does: each file is an
/// attRenddata/attAttachTitle/attAttachData group plus an attAttachment MAPI block with the long
/// (Unicode) file name. MimeKit has a TNEF reader only, so tests make their own.
/// </summary>
public static class TnefBuilder
{
    private const uint Signature = 0x223E9F78;

    public static byte[] Build(params (string Name, byte[] Data)[] files)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Signature);
        writer.Write((ushort)0x0001);
        Attribute(writer, 1, 0x00089006, BitConverter.GetBytes(0x00010000u));
        Attribute(writer, 1, 0x00069007, [.. BitConverter.GetBytes(1251u), .. BitConverter.GetBytes(0u)]);
        Attribute(writer, 1, 0x00078008, Encoding.ASCII.GetBytes("IPM.Microsoft Mail.Note\0"));
        foreach (var (name, data) in files)
        {
            // attAttachRenddata: type 1 (file), position -1, no rendering size, no flags.
            var render = new byte[14];
            BitConverter.GetBytes((ushort)1).CopyTo(render, 0);
            BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(render, 2);
            Attribute(writer, 2, 0x00069002, render);
            Attribute(writer, 2, 0x00018010, Encoding.ASCII.GetBytes("ATTACH~1.DAT\0"));
            Attribute(writer, 2, 0x0006800F, data);
            Attribute(writer, 2, 0x00069005, MapiLongFileName(name));
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>One MAPI property: PR_ATTACH_LONG_FILENAME (0x3707) as PT_UNICODE.</summary>
    private static byte[] MapiLongFileName(string name)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var value = Encoding.Unicode.GetBytes(name + "\0");
        writer.Write(1u);
        writer.Write((ushort)0x001F);
        writer.Write((ushort)0x3707);
        writer.Write(1u);
        writer.Write((uint)value.Length);
        writer.Write(value);
        writer.Write(new byte[(4 - (value.Length % 4)) % 4]);
        writer.Flush();
        return stream.ToArray();
    }

    private static void Attribute(BinaryWriter writer, byte level, uint tag, byte[] data)
    {
        writer.Write(level);
        writer.Write(tag);
        writer.Write((uint)data.Length);
        writer.Write(data);
        ushort checksum = 0;
        foreach (var b in data)
        {
            checksum += b;
        }

        writer.Write(checksum);
    }
}
