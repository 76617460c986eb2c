/**
 * What the file picker offers. Only a hint for the picker: the server decides by the file's bytes,
 * and a dropped file of any kind is still sent so its refusal is shown next to it.
 */
export const ACCEPTED_FILES = ".pdf,.docx,.md,.markdown,.html,.htm,.txt,.csv";
