/** Under /h5/projects (one chunk): an organisation's submissions (open calls, its projects, the form) and a judge's scoring. */
import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound.js';
import '../../projects/strings.js';
import { ApplyHomePage } from './ApplyHomePage.js';
import { JudgeRoundPage, JudgeRoundsPage } from './JudgePage.js';
import { MyProjectPage } from './MyProjectPage.js';
import { ProjectFormPage } from './ProjectFormPage.js';

export function ProjectsRoutes() {
  return (
    <Routes>
      <Route index element={<ApplyHomePage />} />
      <Route path="evaluations" element={<JudgeRoundsPage />} />
      <Route path="evaluations/:id" element={<JudgeRoundPage />} />
      <Route path="new" element={<ProjectFormPage />} />
      <Route path=":id" element={<MyProjectPage />} />
      <Route path=":id/edit" element={<ProjectFormPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
