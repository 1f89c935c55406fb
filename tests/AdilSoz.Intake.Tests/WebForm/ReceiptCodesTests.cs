using AdilSoz.Intake.Core.Web;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>Receipts: 16 random digits shown in groups of four, kept only as a salted slow hash.</summary>
public sealed class ReceiptCodesTests
{
    [Fact]
    public void A_receipt_is_sixteen_digits_in_four_groups_and_receipts_differ()
    {
        var receipts = Enumerable.Range(0, 200).Select(_ => ReceiptCodes.New()).ToList();
        Assert.All(receipts, r => Assert.Matches(WebFormPosts.ReceiptFormat(), r));
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
        // Every digit turns up in every position over many receipts (no fixed or biased positions).
        Assert.All(Enumerable.Range(0, 19).Where(i => i % 5 != 4), i => Assert.True(receipts.Select(r => r[i]).Distinct().Count() >= 8, $"position {i}"));
    }

    [Fact]
    public void Only_the_hash_is_kept_salted_and_the_receipt_checks_however_it_is_typed()
    {
        var receipt = ReceiptCodes.New();
        var hash = ReceiptCodes.Hash(receipt);
        var again = ReceiptCodes.Hash(receipt);
        Assert.NotEqual(hash, again);
        Assert.StartsWith("pbkdf2-sha256$210000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Replace(" ", "", StringComparison.Ordinal), hash, StringComparison.Ordinal);

        Assert.True(ReceiptCodes.Verify(receipt, hash));
        Assert.True(ReceiptCodes.Verify(receipt.Replace(" ", "", StringComparison.Ordinal), again));
        Assert.True(ReceiptCodes.Verify(" " + receipt.Replace(' ', '-') + " ", hash));
        var wrong = receipt[..^1] + (receipt[^1] == '0' ? '1' : '0');
        Assert.False(ReceiptCodes.Verify(wrong, hash));
        Assert.False(ReceiptCodes.Verify(receipt[..^1], hash));
        Assert.False(ReceiptCodes.Verify(receipt + "1", hash));
        Assert.False(ReceiptCodes.Verify("abcd efgh ijkl mnop", hash));
        Assert.False(ReceiptCodes.Verify(receipt, null));
        Assert.False(ReceiptCodes.Verify(receipt, "md5$1$x$y"));
    }
}
