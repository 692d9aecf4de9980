import { graphql } from '../../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      user {
        id
        displayName
        email
        language
      }
      memberships {
        id
        organisationId
        role
      }
      organisations {
        id
        name
        shortName
        kind
      }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      expiresAt
    }
  }
`);
