namespace PartyWorkflow.Application.Effects;

/// <summary>The effects the application brings, for checking definitions where no service provider exists (the CLI).</summary>
public static class BuiltInEffects
{
    public static readonly IReadOnlySet<string> Ids = new HashSet<string>
    {
        RegisterSubjectEffect.EffectId, SetMembershipEffect.EffectId,
        Establishment.RegisterOrganizationEffect.EffectId, Establishment.RecordPlaqueEffect.EffectId, Establishment.RecordWelcomePackageEffect.EffectId,
        Establishment.RegisterAffiliationEffect.EffectId, Establishment.AssignInstructorEffect.EffectId, Establishment.ResumeAsStandaloneEffect.EffectId, Establishment.DissolveEffect.EffectId, Establishment.AmendRequestEffect.EffectId, Establishment.RecordRenewalEffect.EffectId,
    };
}
