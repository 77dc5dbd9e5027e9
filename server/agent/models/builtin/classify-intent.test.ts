import { describe, expect, it } from 'vitest';
import { classifyIntent } from './classify-intent.js';

describe('classifyIntent', () => {
  it.each([
    ['Hello!', 'greeting'],
    ['merci', 'greeting'],
    ['What can you do?', 'help'],
    ['Delete the appointments table', 'data_modification'],
    ['Please update the status of appointment 12', 'data_modification'],
    ['Supprime les rendez-vous annulés', 'data_modification'],
    ['List the email addresses of patients', 'patient_identifiers'],
    ['Write an email to my team about the no-show rate', 'out_of_scope'],
    ['Tell me a joke', 'out_of_scope'],
    ['What can I see?', 'access'],
    ['Which tables are there?', 'list_tables'],
    ['Describe scheduling.appointment', 'describe_table'],
    ['Which metrics are there?', 'list_metrics'],
    ['How is a no-show defined?', 'document'],
    ['When is the data refreshed?', 'document'],
    ["Qu'est-ce qu'un lapin ?", 'document'],
    ['How many appointments last month?', 'data'],
    ['What is the no-show rate in Lyon?', 'data'],
    ['Which drop in appointments did Lyon see?', 'data'],
  ])('%s → %s', (question, kind) => {
    expect(classifyIntent(question).kind).toBe(kind);
  });

  it('marks the weather as off topic, for the planner to refuse when no metric matches', () => {
    expect(classifyIntent("What's the weather in Paris?")).toEqual({ kind: 'data', offTopic: true });
  });

  it('turns vocabulary questions into the tool call that answers them', () => {
    expect(classifyIntent('What is the SNOMED code for type 2 diabetes?')).toEqual({
      kind: 'concept',
      request: {
        tool: 'search_concepts',
        input: { text: 'type 2 diabetes', vocabularies: ['SNOMED'], limit: 5 },
      },
    });
    expect(classifyIntent('concept 201826')).toEqual({
      kind: 'concept',
      request: { tool: 'get_concept', input: { conceptId: 201826 } },
    });
    expect(classifyIntent('Map ICD10 E11.9 to SNOMED')).toEqual({
      kind: 'concept',
      request: { tool: 'translate_code', input: { system: 'ICD10CM', code: 'E11.9' } },
    });
    expect(classifyIntent('What does LOINC 4548-4 mean?')).toEqual({
      kind: 'concept',
      request: { tool: 'get_concept', input: { system: 'LOINC', code: '4548-4' } },
    });
    expect(classifyIntent('What are the subtypes of diabetes mellitus?')).toEqual({
      kind: 'concept',
      request: { tool: 'search_then_descendants', input: { text: 'diabetes mellitus' } },
    });
  });

  it('runs SQL written in the chat as it is, never as a request to change data', () => {
    expect(classifyIntent('select count(*) from scheduling.appointment')).toEqual({
      kind: 'sql',
      sql: 'select count(*) from scheduling.appointment',
    });
  });

  it('keeps a counting question about a code a data question', () => {
    expect(classifyIntent('How many patients have a SNOMED code for asthma?').kind).toBe('data');
  });
});
