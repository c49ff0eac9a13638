/** The academy pages under /h5/academy (one chunk). */
import { Route, Routes } from 'react-router';
import { NotFound } from '../../app/NotFound.js';
import { AcademyHomePage } from './AcademyHomePage.js';
import { CoursePage } from './CoursePage.js';
import { LecturesPage } from './LecturesPage.js';
import { MyQualificationsPage } from './MyQualificationsPage.js';
import { MyTrainingPage } from './MyTrainingPage.js';
import { QuizPage } from './QuizPage.js';
import { TrainingCheckinPage } from './TrainingCheckinPage.js';

export function AcademyRoutes() {
  return (
    <Routes>
      <Route index element={<AcademyHomePage />} />
      <Route path="courses/:id" element={<CoursePage />} />
      <Route path="courses/:id/quiz" element={<QuizPage />} />
      <Route path="mine" element={<MyTrainingPage />} />
      <Route path="qualifications" element={<MyQualificationsPage />} />
      <Route path="lectures" element={<LecturesPage />} />
      <Route path="checkin" element={<TrainingCheckinPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
