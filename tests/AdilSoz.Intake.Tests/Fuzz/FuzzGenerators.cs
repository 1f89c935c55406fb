using FsCheck;
using FsCheck.Fluent;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>FsCheck generators of damage recipes: cheap mutations often, heavy ones (MBs, deep nesting) now and then.</summary>
public static class FuzzGenerators
{
    public static Gen<MailRecipe> Mail { get; } =
        from seed in Gen.Choose(0, MailMutator.Seeds.Count - 1)
        from mutation in Gen.Frequency(
            (20, Gen.Constant(MailMutation.FlipBytes)),
            (12, Gen.Constant(MailMutation.Truncate)),
            (12, Gen.Constant(MailMutation.Splice)),
            (10, Gen.Constant(MailMutation.DuplicateHeaders)),
            (10, Gen.Constant(MailMutation.BogusCharset)),
            (10, Gen.Constant(MailMutation.ControlCharacters)),
            (2, Gen.Constant(MailMutation.DeepNesting)),
            (1, Gen.Constant(MailMutation.HugeHeader)),
            (1, Gen.Constant(MailMutation.ManyParts)),
            (1, Gen.Constant(MailMutation.LongLine)))
        from size in Gen.Choose(1, 1_000_000)
        from randomSeed in Gen.Choose(0, int.MaxValue)
        select new MailRecipe(seed, mutation, size, randomSeed);

    /// <summary>Inputs of several MB (zip bomb, base64 of zeros, oversized bodies): a fixed share of a run, slower per input.</summary>
    public static Gen<MailRecipe> HeavyMail { get; } =
        from mutation in Gen.Elements(MailMutation.Base64Bomb, MailMutation.OversizedBody, MailMutation.HugeHeader, MailMutation.DeepNesting, MailMutation.ManyParts)
        from size in Gen.Choose(1, 1_000_000)
        from randomSeed in Gen.Choose(0, int.MaxValue)
        select new MailRecipe(0, mutation, size, randomSeed);

    public static Gen<UpdateRecipe> Update { get; } =
        from seed in Gen.Choose(0, UpdateMutator.Seeds.Count - 1)
        from mutation in Gen.Frequency(
            (4, Gen.Constant(UpdateMutation.None)),
            (15, Gen.Constant(UpdateMutation.FlipCharacters)),
            (10, Gen.Constant(UpdateMutation.Truncate)),
            (20, Gen.Constant(UpdateMutation.WrongType)),
            (15, Gen.Constant(UpdateMutation.MissingField)),
            (3, Gen.Constant(UpdateMutation.HugeString)),
            (8, Gen.Constant(UpdateMutation.MalformedJson)),
            (2, Gen.Constant(UpdateMutation.DeepNesting)),
            (8, Gen.Constant(UpdateMutation.ControlCharacters)),
            (8, Gen.Constant(UpdateMutation.NumberOverflow)),
            (5, Gen.Constant(UpdateMutation.DuplicateKeys)))
        from size in Gen.Choose(1, 1_000_000)
        from randomSeed in Gen.Choose(0, int.MaxValue)
        select new UpdateRecipe(seed, mutation, size, randomSeed);
}
