using PartyWorkflow.Application.Subjects;
using PartyWorkflow.Engine.Execution;

namespace PartyWorkflow.Application.Effects;

/// <summary>
/// <c>register-subject</c>, the first step's effect: the definition's subject kind records (or finds)
/// the subject and the instance refers to it from now on. With <c>recordAs</c>, the subject's id is
/// also kept in the step's recorded facts under that name (<c>personId</c>).
/// </summary>
public sealed class RegisterSubjectEffect(SubjectKinds kinds) : IEffectHandler
{
    public const string EffectId = "register-subject";

    public string Id => EffectId;

    public async Task ApplyAsync(EffectContext context, CancellationToken ct)
    {
        var subject = await kinds.Get(context.Workflow.Definition.Subject.Kind).RegisterAsync(context.Parameters, context.Facts, ct);
        context.Instance.SubjectId = subject.Id;
        context.Instance.SubjectName = subject.Name;
        if (FactReader.Text(context.Parameters, "recordAs") is { } recordAs)
            context.Accepted.RecordedFacts[recordAs] = subject.Id.ToString();
    }
}
