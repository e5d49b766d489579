namespace PartyWorkflow.Application.Common;

/// <summary>A message that can check its own shape before anything is read or written.</summary>
public interface IValidate
{
    IEnumerable<(string Field, string Message)> Validate();
}
