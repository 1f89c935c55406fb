namespace AdilSoz.Intake.Tests.Security;

/// <summary>One <see cref="SecuritySite"/> (database, site, callers) for all the security test classes.</summary>
[CollectionDefinition(SecuritySite.Collection)]
public sealed class SecuritySiteCollection : ICollectionFixture<SecuritySite>;
