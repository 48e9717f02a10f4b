namespace VeleroOpenShift.Cmdlets;
internal static class Placeholder { }
