// GraphQL fields of this area are added here (see schema/index.ts).
export {};
