// The schema is the reference a third party reads first (GraphiQL, codegen, api/schema.graphql):
// every type, field, argument, input field and enum value says what it is, its unit and range, what
// null means and who may read it. This walks the built schema, the Relay types Pothos generates
// (connections, edges, PageInfo, Node) included, and names each element left without a description.
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { sortedSchema } from './index.ts';

const described = (description: string | null | undefined) => (description ?? '').trim().length > 0;

/** Every element of `type` without a description, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`. */
function undescribedIn(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!described(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

/** The schema's own types: GraphQL's introspection types (`__Type`, …) are described by the spec. */
const ownTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));

describe('schema descriptions', () => {
  it('describes every type, scalar, field, argument, input field and enum value', () => {
    const missing = ownTypes(sortedSchema()).flatMap(undescribedIn);
    expect(missing).toEqual([]);
  });

  it('names each kind of undescribed element (the walk itself can fail)', () => {
    const schema = buildSchema(`
      "Described."
      type Query {
        "Described."
        a("Described." x: Int, y: Int): Int
        b: E
      }
      enum E {
        "Described."
        ONE
        TWO
      }
      input I {
        z: Int
      }
    `);
    // Int, String and Boolean come described from graphql-js.
    expect(ownTypes(schema).flatMap(undescribedIn).sort()).toEqual([
      'E',
      'E.TWO',
      'I',
      'I.z',
      'Query.a(y)',
      'Query.b',
    ]);
  });
});
