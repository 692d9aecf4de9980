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
    signIn(email: $email, password: $password) {
      expiresAt
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const SetMyLanguageMutation = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);
